package org.sangdam.common.domain;

/**
 * The object does not exist <em>for this caller</em> (HTTP 404). Another service's
 * objects are reported the same way, so a tenant cannot even learn they exist.
 */
public class NotFoundException extends SangdamException {
    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
