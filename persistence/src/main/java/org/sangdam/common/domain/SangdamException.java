package org.sangdam.common.domain;

/**
 * Base of the errors a user can cause and is told about. The EJB layer declares
 * it an application exception with rollback, so a refused request writes nothing;
 * the REST layer maps each subclass to one HTTP status.
 */
public abstract class SangdamException extends RuntimeException {
    private String code;
    private Object[] args = new Object[0];

    protected SangdamException(String message) {
        super(message);
    }

    /**
     * Names the refusal for screens that say it in the user's language (the message
     * stays the English text of the API): {@code code} is looked up as
     * {@code refusal.<code>} in the console's bundles, with {@code args} filled in.
     */
    public SangdamException coded(String code, Object... args) {
        this.code = code;
        this.args = args == null ? new Object[0] : args.clone();
        return this;
    }

    /** the refusal's name for localized screens, or null when it has none */
    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }
}
