package org.sangdam.sip;

/**
 * The servlet-style shape of the SIP layer: one handler per kind of leg or
 * service (registrar, OPTIONS, later trunk inbound/outbound and agent endpoint),
 * each serving one request method. The {@link SipDispatcher} has already refused
 * what no handler may see (malformed headers, unsupported URI schemes and
 * extensions, unknown methods); a handler translates the request to the domain
 * and answers exactly once through the exchange. An exception it throws becomes
 * a 500 (or 503 for {@link ServiceUnavailable}).
 */
public interface SipHandler {
    /** the request method served, e.g. {@code REGISTER} */
    String method();

    void handle(SipExchange exchange) throws Exception;

    /** thrown by a handler whose back end (the database) is unreachable: answered 503 with Retry-After */
    class ServiceUnavailable extends RuntimeException {
        public ServiceUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
