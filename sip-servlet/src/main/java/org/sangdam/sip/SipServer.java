package org.sangdam.sip;

import gov.nist.core.CommonLogger;
import gov.nist.javax.sip.EventScanner;
import gov.nist.javax.sip.EventWrapper;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import gov.nist.javax.sip.stack.NioMessageProcessorFactory;
import org.sangdam.sip.domain.SipSettings;
import org.sangdam.sip.logging.JBossServerLogger;
import org.sangdam.sip.logging.JBossStackLogger;

import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One running JAIN-SIP stack: UDP and/or TCP listening points on one address and
 * port, one provider, the {@link SipDispatcher} as its listener. Plain Java, so
 * its start and clean stop are tested without a container; in WildFly
 * {@link SipStackBean} owns it.
 */
public final class SipServer implements AutoCloseable {
    /** the stack's factories, shared by all handlers (they are thread-safe) */
    public record Factories(MessageFactory messages, HeaderFactory headers, AddressFactory addresses) {
    }

    private final SipSettings settings;
    private final SipStackImpl stack;
    private final SipProvider provider;
    private final Factories factories;
    private final LegDirectory legs;
    private boolean closed;

    private SipServer(SipSettings settings, SipStackImpl stack, SipProvider provider, Factories factories, LegDirectory legs) {
        this.settings = settings;
        this.stack = stack;
        this.provider = provider;
        this.factories = factories;
        this.legs = legs;
    }

    /** binds the listening points and starts the stack; on any failure nothing stays open */
    public static SipServer start(SipSettings settings, List<SipHandler> handlers) throws Exception {
        return start(settings, handlers, new LegDirectory());
    }

    /** as above, with the live legs that in-dialog requests are routed to */
    public static SipServer start(SipSettings settings, List<SipHandler> handlers, LegDirectory legs) throws Exception {
        // Before the stack exists, JAIN-SIP logs through this static hook; unset, it reaches for log4j.
        CommonLogger.legacyLogger = new JBossStackLogger();
        SipStackImpl stack = new SipStackImpl(stackProperties(settings));
        List<ListeningPoint> points = new ArrayList<>();
        SipProvider provider = null;
        try {
            for (String transport : settings.transports()) {
                points.add(stack.createListeningPoint(settings.address(), settings.port(), transport));
            }
            provider = stack.createSipProvider(points.getFirst());
            for (ListeningPoint point : points.subList(1, points.size())) {
                provider.addListeningPoint(point);
            }
            Factories factories = new Factories(new MessageFactoryImpl(), new HeaderFactoryImpl(), new AddressFactoryImpl());
            SipDispatcher dispatcher = new SipDispatcher(handlers, factories, legs);
            provider.addSipListener(dispatcher);
            if (stack.getRouter() instanceof LegRouter router) {
                router.use(legs);
            }
            stack.start();
            return new SipServer(settings, stack, provider, factories, legs);
        } catch (Exception | Error e) {
            halt(stack, provider != null ? provider : stack, settings);
            throw e;
        }
    }

    static Properties stackProperties(SipSettings settings) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "sangdam-" + settings.port());
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", JBossStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", JBossServerLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "true");
        // we keep dialogs ourselves (B2BUA, later); the stack must not answer for us
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        // a fixed pool instead of a thread per UDP message; handlers may run concurrently
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(settings.threads()));
        p.setProperty("gov.nist.javax.sip.TCP_POST_PARSING_THREAD_POOL_SIZE", Integer.toString(settings.threads()));
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        // NIO for TCP: no thread per connection
        p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY", NioMessageProcessorFactory.class.getName());
        // a bound on what one peer can make us buffer
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
        p.setProperty("gov.nist.javax.sip.REJECT_STRAY_RESPONSES", "true");
        // our router for every request, so a leg's NAT hop also applies to its in-dialog requests
        p.setProperty("javax.sip.ROUTER_PATH", LegRouter.class.getName());
        p.setProperty("javax.sip.USE_ROUTER_FOR_ALL_URIS", "true");
        return p;
    }

    public SipSettings settings() {
        return settings;
    }

    /** for sending requests (the B2BUA's legs) */
    public SipProvider provider() {
        return provider;
    }

    public Factories factories() {
        return factories;
    }

    public LegDirectory legs() {
        return legs;
    }

    /**
     * Stops the stack: listening sockets, connections, timers and threads; idempotent.
     * JAIN-SIP's stop() only flags its event-scanner thread, which then waits on an
     * empty queue forever (a non-daemon thread pinning the deployment's class loader),
     * so one harmless event is posted to let it see the flag and end.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        halt(stack, provider, settings);
    }

    private static void halt(SipStackImpl stack, Object eventSource, SipSettings settings) {
        EventScanner scanner = stack.getEventScanner();
        stack.stop();
        if (scanner != null) {
            scanner.addEvent(new EventWrapper(new IOExceptionEvent(eventSource, settings.address(), settings.port(), "UDP"), null));
        }
    }
}
