package org.sangdam.it.sip;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;

/**
 * Base of the SIP container tests: the real {@code sangdam.ear} in the managed
 * WildFly (as {@code org.sangdam.it.SangdamIT}), and real SIP peers, baresip and
 * SIPp, on loopback against the server's SIP port (5060 + the port offset). The
 * peers are Debian packages CI installs; a test fails if they are missing.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class SipIT {
    static final String DEPLOYMENT = "sangdam.ear";

    @Deployment(testable = false, name = DEPLOYMENT)
    static EnterpriseArchive sangdam() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("sangdam.ear", "target/sangdam.ear")));
    }
}
