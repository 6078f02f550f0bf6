/**
 * JAIN-SIP's two logging hooks, routed to JBoss Logging. Without them the RI
 * falls back to log4j 1.x, which WildFly does not offer to deployments (on JDK 25:
 * {@code NoClassDefFoundError: org/apache/log4j/Layout}); we never ship log4j.
 * Categories: {@code org.sangdam.sip.stack} (the stack's own log) and
 * {@code org.sangdam.sip.messages} (every SIP message sent and received, at DEBUG).
 */
package org.sangdam.sip.logging;
