package org.sangdam.sip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import org.jboss.logging.Logger;
import org.sangdam.sip.domain.MethodPolicy;
import org.sangdam.sip.domain.PendingInvite;

import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.header.RequireHeader;
import javax.sip.header.RetryAfterHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one {@link SipListener} of the stack: takes every request into a server
 * transaction and routes it to the handler of its method, after the checks every
 * request gets whatever its handler: a header the stack could not parse (400, so
 * a malformed {@code Expires} never turns into the default), a Request-URI that
 * is not {@code sip:} (416), an option tag in {@code Require} (420, we support
 * none yet), and the method rules of {@link MethodPolicy}. Requests the stack
 * cannot even parse (bad Via, CSeq, From, To, Call-ID) are answered 400 by the
 * stack itself over UDP, and never reach us.
 */
final class SipDispatcher implements SipListener {
    private static final Logger LOG = Logger.getLogger(SipDispatcher.class);
    private static final int RETRY_AFTER_SECONDS = 30;

    private final Map<String, SipHandler> handlers;
    private final MethodPolicy policy;
    private final SipServer.Factories factories;
    private final LegDirectory legs;

    SipDispatcher(List<SipHandler> handlers, SipServer.Factories factories) {
        this(handlers, factories, new LegDirectory());
    }

    SipDispatcher(List<SipHandler> handlers, SipServer.Factories factories, LegDirectory legs) {
        this.handlers = handlers.stream().collect(Collectors.toUnmodifiableMap(SipHandler::method, Function.identity()));
        this.policy = new MethodPolicy(this.handlers.keySet());
        this.factories = factories;
        this.legs = legs;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        boolean inDialog = inDialog(request);
        LegListener leg = inDialog ? legs.find(callId(request)).orElse(null) : null;
        if (Request.ACK.equals(request.getMethod())) {
            if (leg != null) {
                try {
                    leg.ack(request);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "ACK handling failed");
                }
            }
            return;
        }
        MethodPolicy.Disposition disposition = policy.of(request.getMethod());
        if (disposition == MethodPolicy.Disposition.IGNORE) {
            return;
        }
        SipProvider provider = (SipProvider) event.getSource();
        ServerTransaction transaction = event.getServerTransaction();
        if (transaction == null) {
            try {
                transaction = provider.getNewServerTransaction(request);
            } catch (TransactionAlreadyExistsException retransmission) {
                return; // the original of this retransmission is being answered
            } catch (TransactionUnavailableException e) {
                LOG.debugf("no server transaction for %s, answering statelessly: %s", request.getMethod(), e.getMessage());
            }
        }
        if (Request.INVITE.equals(request.getMethod()) && !inDialog && transaction != null) {
            transaction.setApplicationData(new PendingInvite()); // before any thread can see a CANCEL for it
        }
        SipExchange exchange = new SipExchange(request, transaction, provider, factories, policy.allowed());
        if (Request.CANCEL.equals(request.getMethod()) && cancelled(exchange)) {
            return;
        }
        try {
            if (leg != null) {
                leg.request(exchange);
            } else if (inDialog && !OUT_OF_DIALOG_METHODS.contains(request.getMethod())) {
                // RFC 3261 §12.2.2: a To tag of no dialog we keep
                exchange.reply(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            } else {
                dispatch(exchange, disposition);
            }
            if (!exchange.answered()) {
                LOG.errorf("%s handler left a %s unanswered", request.getMethod(), request.getMethod());
                exchange.reply(Response.SERVER_INTERNAL_ERROR);
            }
        } catch (SipHandler.ServiceUnavailable e) {
            LOG.warnf("%s from %s:%d refused for now: %s", request.getMethod(), exchange.remoteHost(), exchange.remotePort(), e.getMessage());
            answerQuietly(exchange, Response.SERVICE_UNAVAILABLE, true);
        } catch (Exception e) {
            LOG.errorf(e, "%s from %s:%d failed", request.getMethod(), exchange.remoteHost(), exchange.remotePort());
            answerQuietly(exchange, Response.SERVER_INTERNAL_ERROR, false);
        }
    }

    /**
     * A CANCEL of an INVITE we have not answered finally yet (RFC 3261 §9.2): 200 to
     * the CANCEL and, when it comes before our answer ({@link PendingInvite}), 487 to
     * the INVITE; the handler then sends no answer and undoes what it started. A
     * CANCEL after our answer gets 200 and changes nothing.
     *
     * @return false when the CANCEL matches no INVITE of ours (481 as before)
     */
    private boolean cancelled(SipExchange exchange) {
        if (!(exchange.provider().getSipStack() instanceof SipStackImpl stack)
                || !(exchange.request() instanceof SIPRequest cancel)
                || !(stack.findCancelTransaction(cancel, true) instanceof SIPServerTransaction invite)) {
            return false;
        }
        try {
            exchange.reply(Response.OK);
            if (invite.getApplicationData() instanceof PendingInvite pending && pending.cancel()) {
                // straight to the transaction: the INVITE's own exchange no longer sends a final answer
                invite.sendResponse(new SipExchange(invite.getRequest(), invite, exchange.provider(), factories, policy.allowed())
                        .response(Response.REQUEST_TERMINATED));
                LOG.debugf("INVITE %s cancelled before our answer: 487", callId(invite.getRequest()));
            }
        } catch (Exception e) {
            LOG.warnf("CANCEL from %s:%d could not be answered: %s", exchange.remoteHost(), exchange.remotePort(), e.getMessage());
        }
        return true;
    }

    private void dispatch(SipExchange exchange, MethodPolicy.Disposition disposition) throws Exception {
        Request request = exchange.request();
        String malformed = firstUnparsedHeader(request);
        if (malformed != null) {
            exchange.reply(Response.BAD_REQUEST, "Bad Request (malformed " + malformed + " header)");
            return;
        }
        if (!request.getRequestURI().isSipURI()) {
            exchange.reply(Response.UNSUPPORTED_URI_SCHEME);
            return;
        }
        switch (disposition) {
            case DOES_NOT_EXIST -> exchange.reply(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            case NOT_ALLOWED -> {
                Response response = exchange.response(Response.METHOD_NOT_ALLOWED);
                for (String method : policy.allowed()) {
                    response.addHeader(exchange.headers().createAllowHeader(method));
                }
                exchange.send(response);
            }
            case NOT_IMPLEMENTED -> exchange.reply(Response.NOT_IMPLEMENTED);
            case HANDLE -> {
                List<String> required = requiredOptions(request);
                if (!required.isEmpty()) {
                    Response response = exchange.response(Response.BAD_EXTENSION);
                    for (String option : required) {
                        response.addHeader(exchange.headers().createUnsupportedHeader(option));
                    }
                    exchange.send(response);
                    return;
                }
                handlers.get(request.getMethod()).handle(exchange);
            }
            case IGNORE -> {
                // not reached: ACK is dropped before a transaction is made
            }
        }
    }

    /** methods that may carry a To tag without belonging to one of our dialogs */
    private static final java.util.Set<String> OUT_OF_DIALOG_METHODS = java.util.Set.of(Request.REGISTER, Request.OPTIONS, Request.CANCEL);

    private static boolean inDialog(Request request) {
        javax.sip.header.ToHeader to = (javax.sip.header.ToHeader) request.getHeader(javax.sip.header.ToHeader.NAME);
        return to != null && to.getTag() != null;
    }

    private static String callId(Request request) {
        javax.sip.header.CallIdHeader id = (javax.sip.header.CallIdHeader) request.getHeader(javax.sip.header.CallIdHeader.NAME);
        return id == null ? null : id.getCallId();
    }

    /** the name of the first header the stack set aside as unparseable, or null */
    private static String firstUnparsedHeader(Request request) {
        ListIterator<String> unparsed = ((SIPMessage) request).getUnrecognizedHeaders();
        if (unparsed == null || !unparsed.hasNext()) {
            return null;
        }
        String line = unparsed.next();
        int colon = line.indexOf(':');
        return (colon > 0 ? line.substring(0, colon) : line).trim();
    }

    /** option tags a request may require of us: RFC 4028 session timers */
    private static final java.util.Set<String> SUPPORTED_OPTIONS = java.util.Set.of("timer");

    private static List<String> requiredOptions(Request request) {
        List<String> options = new ArrayList<>();
        ListIterator<?> it = request.getHeaders(RequireHeader.NAME);
        while (it != null && it.hasNext()) {
            String tag = ((RequireHeader) it.next()).getOptionTag();
            if (!SUPPORTED_OPTIONS.contains(tag.toLowerCase(java.util.Locale.ROOT))) {
                options.add(tag);
            }
        }
        return options;
    }

    private static void answerQuietly(SipExchange exchange, int status, boolean retryLater) {
        if (exchange.answered()) {
            return;
        }
        try {
            Response response = exchange.response(status);
            if (retryLater) {
                RetryAfterHeader retry = exchange.headers().createRetryAfterHeader(RETRY_AFTER_SECONDS);
                response.setHeader(retry);
            }
            exchange.send(response);
        } catch (Exception e) {
            LOG.debugf("could not answer %d: %s", status, e.getMessage());
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        javax.sip.ClientTransaction transaction = event.getClientTransaction();
        if (transaction != null && transaction.getApplicationData() instanceof ResponseListener listener) {
            try {
                listener.response(event);
            } catch (Exception e) {
                LOG.errorf(e, "handling %d to %s failed", event.getResponse().getStatusCode(), transaction.getRequest().getMethod());
            }
            return;
        }
        LOG.debugf("response %s with no one waiting for it", event.getResponse().getStatusCode());
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.getClientTransaction() != null && event.getClientTransaction().getApplicationData() instanceof ResponseListener listener) {
            try {
                listener.timeout();
            } catch (RuntimeException e) {
                LOG.errorf(e, "handling a timeout failed");
            }
            return;
        }
        LOG.debugf("transaction timed out: %s", event.getTimeout());
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.debugf("I/O error towards %s:%d/%s", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // nothing kept per transaction
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // no dialogs yet
    }
}
