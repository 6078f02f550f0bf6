package org.sangdam.sip;

import gov.nist.javax.sip.stack.DefaultRouter;

import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.header.CallIdHeader;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;

/**
 * The stack's router (installed by {@link SipServer} through
 * {@code javax.sip.ROUTER_PATH}): a leg that must be reached somewhere else than
 * its Request-URI says (a phone behind NAT, see
 * {@link org.sangdam.registrar.domain.Delivery}) has its hop in the
 * {@link LegDirectory}, and every request of that leg (INVITE, CANCEL, ACK, BYE,
 * re-INVITE, all with the leg's Call-ID) goes there. Everything else is routed as
 * the RI always does (RFC 3261 §8.1.2: Route set first, then the Request-URI).
 */
public final class LegRouter extends DefaultRouter {
    private volatile LegDirectory legs;

    public LegRouter(SipStack stack, String outboundProxy) {
        super(stack, outboundProxy);
    }

    void use(LegDirectory directory) {
        this.legs = directory;
    }

    @Override
    public Hop getNextHop(Request request) throws SipException {
        LegDirectory directory = legs;
        if (directory != null && request.getHeader(RouteHeader.NAME) == null
                && request.getHeader(CallIdHeader.NAME) instanceof CallIdHeader id) {
            Hop hop = directory.hopOf(id.getCallId()).orElse(null);
            if (hop != null) {
                return hop;
            }
        }
        return super.getNextHop(request);
    }
}
