package org.sangdam.common.domain;

/**
 * Base of the errors a user can cause and is told about. The EJB layer declares
 * it an application exception with rollback, so a refused request writes nothing;
 * the REST layer maps each subclass to one HTTP status.
 */
public abstract class SangdamException extends RuntimeException {
    protected SangdamException(String message) {
        super(message);
    }
}
