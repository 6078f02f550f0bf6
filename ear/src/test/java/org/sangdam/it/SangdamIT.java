package org.sangdam.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;

/**
 * Base of the container tests: Arquillian starts the WildFly the build set up
 * (managed, port offset 100) and deploys the real {@code sangdam.ear}; the tests
 * then use Sangdam as its users do, over HTTP with their own logins.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class SangdamIT {

    @Deployment(testable = false)
    static EnterpriseArchive sangdam() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("sangdam.ear", "target/sangdam.ear")));
    }
}
