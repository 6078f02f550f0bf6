package org.sangdam.common.domain;

/** Bad input: names the field so a form or API client can point at it (HTTP 400). */
public class ValidationException extends SangdamException {
    private final String field;

    public ValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
