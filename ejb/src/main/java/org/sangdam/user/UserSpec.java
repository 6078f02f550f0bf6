package org.sangdam.user;

import org.sangdam.user.domain.Role;

/** A new user of a service: an agent (default) or a service administrator. */
public record UserSpec(String username, String displayName, String password, Role role, Boolean phonePermission) {
}
