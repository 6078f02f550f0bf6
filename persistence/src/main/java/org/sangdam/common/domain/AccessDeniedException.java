package org.sangdam.common.domain;

/** The caller's role may not do this at all (HTTP 403). */
public class AccessDeniedException extends SangdamException {
    public AccessDeniedException(String message) {
        super(message);
    }
}
