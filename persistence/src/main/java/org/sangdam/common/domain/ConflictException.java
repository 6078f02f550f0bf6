package org.sangdam.common.domain;

/** The request clashes with the current state: a duplicate, or a transition not allowed (HTTP 409). */
public class ConflictException extends SangdamException {
    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
