package org.sangdam.user;

/** Changes to a user; a null field is left as it is. */
public record UserUpdate(String displayName, Boolean active, Boolean phonePermission) {
}
