package org.sangdam.sip.logging;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import org.jboss.logging.Logger;

import javax.sip.SipStack;
import java.util.Properties;

/**
 * JAIN-SIP's {@code gov.nist.javax.sip.SERVER_LOGGER}: the message trace. Every
 * SIP message sent or received goes to category {@code org.sangdam.sip.messages}
 * at DEBUG (turn it on with
 * {@code /subsystem=logging/logger=org.sangdam.sip.messages:add(level=DEBUG)}).
 */
public class JBossServerLogger implements ServerLogger {
    static final String CATEGORY = "org.sangdam.sip.messages";
    static final Logger LOG = Logger.getLogger(CATEGORY);

    public JBossServerLogger() {
    }

    @Override
    public void closeLogFile() {
        // nothing to close: JBoss Logging owns the handlers
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        logMessage(message, from, to, null, sender, time);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        logMessage(message, from, to, status, sender, System.currentTimeMillis());
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        if (LOG.isDebugEnabled()) {
            LOG.debugf("%s %s -> %s%s%n%s", sender ? "sent" : "received", from, to,
                    status == null ? "" : " (" + status + ")", message == null ? "" : message.encode());
        }
    }

    @Override
    public void logException(Exception ex) {
        LOG.debug("SIP message trace", ex);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // the level comes from the WildFly logging subsystem
    }

    @Override
    public void setSipStack(SipStack sipStack) {
        // not needed: messages carry everything we log
    }
}
