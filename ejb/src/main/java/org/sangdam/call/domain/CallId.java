package org.sangdam.call.domain;

/** A call (one customer's contact, with all its legs). */
public record CallId(long value) {
    @Override
    public String toString() {
        return "call " + value;
    }
}
