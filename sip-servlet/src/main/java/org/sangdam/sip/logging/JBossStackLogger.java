package org.sangdam.sip.logging;

import gov.nist.core.StackLogger;
import org.jboss.logging.Logger;

import java.util.Properties;

/**
 * JAIN-SIP's {@code gov.nist.javax.sip.STACK_LOGGER}. Levels are shifted one step
 * down: the stack reports malformed or unexpected input from the network as
 * "error" and every message it handles as "info", which in a server log are a
 * warning and debug detail respectively; only the stack's "fatal" is our ERROR.
 * Instantiated by the stack through its public no-argument constructor.
 */
public class JBossStackLogger implements StackLogger {
    static final String CATEGORY = "org.sangdam.sip.stack";
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private volatile boolean enabled = true;

    public JBossStackLogger() {
    }

    static Logger.Level level(int stackLevel) {
        if (stackLevel <= TRACE_FATAL) {
            return Logger.Level.ERROR;
        } else if (stackLevel <= TRACE_WARN) {
            return Logger.Level.WARN;
        } else if (stackLevel <= TRACE_INFO) {
            return Logger.Level.DEBUG;
        }
        return Logger.Level.TRACE;
    }

    @Override
    public boolean isLoggingEnabled() {
        return enabled && LOG.isEnabled(Logger.Level.WARN);
    }

    @Override
    public boolean isLoggingEnabled(int stackLevel) {
        if (!enabled) {
            return false;
        }
        // TRACE_MESSAGES shares its value with TRACE_INFO: the stack asks it before handing
        // a message to the server logger, so either category at DEBUG turns message logging on
        if (stackLevel == TRACE_MESSAGES && JBossServerLogger.LOG.isDebugEnabled()) {
            return true;
        }
        return LOG.isEnabled(level(stackLevel));
    }

    private void log(int stackLevel, String message, Throwable t) {
        if (enabled) {
            LOG.log(level(stackLevel), message, t);
        }
    }

    @Override
    public void logStackTrace() {
        logStackTrace(TRACE_DEBUG);
    }

    @Override
    public void logStackTrace(int traceLevel) {
        if (isLoggingEnabled(traceLevel)) {
            log(traceLevel, "stack trace", new Throwable("stack trace"));
        }
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        log(TRACE_ERROR, String.valueOf(ex), ex);
    }

    @Override
    public void logDebug(String message) {
        log(TRACE_DEBUG, message, null);
    }

    @Override
    public void logDebug(String message, Exception ex) {
        log(TRACE_DEBUG, message, ex);
    }

    @Override
    public void logTrace(String message) {
        log(TRACE_TRACE, message, null);
    }

    @Override
    public void logFatalError(String message) {
        log(TRACE_FATAL, message, null);
    }

    @Override
    public void logError(String message) {
        log(TRACE_ERROR, message, null);
    }

    @Override
    public void logError(String message, Exception ex) {
        log(TRACE_ERROR, message, ex);
    }

    @Override
    public void logWarning(String message) {
        log(tlsDefaultsNotice(message) ? TRACE_DEBUG : TRACE_WARN, message, null);
    }

    /**
     * At every start the stack warns that its TLS key and trust stores fall back to the
     * JVM's defaults. We listen on UDP and TCP only, so that is no warning for us.
     */
    static boolean tlsDefaultsNotice(String message) {
        return message != null && (message.startsWith("TLS ") || message.startsWith("Using default ")
                || message.startsWith("using default tls"));
    }

    @Override
    public void logInfo(String message) {
        log(TRACE_INFO, message, null);
    }

    @Override
    public void disableLogging() {
        enabled = false;
    }

    @Override
    public void enableLogging() {
        enabled = true;
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        LOG.debugf("JAIN-SIP build %s", buildTimeStamp);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // levels come from the WildFly logging subsystem, not from stack properties
    }

    @Override
    public String getLoggerName() {
        return CATEGORY;
    }
}
