package org.sangdam.api;

/** The body of every refused request: a machine-readable kind, the field at fault if any, and a message for people. */
public record ApiError(String error, String field, String message) {
}
