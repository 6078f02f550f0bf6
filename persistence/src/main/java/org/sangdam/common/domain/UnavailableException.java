package org.sangdam.common.domain;

/** A part the request needs is not running (the phone network, for instance): HTTP 503, nothing changed. */
public class UnavailableException extends SangdamException {
    public UnavailableException(String message) {
        super(message);
    }
}
