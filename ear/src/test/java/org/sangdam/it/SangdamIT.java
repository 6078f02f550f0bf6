package org.sangdam.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.Asset;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.sangdam.it.telephony.RecordingTelephony;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.nio.charset.StandardCharsets;

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
        return withTestNetwork(ShrinkWrap.createFromZipFile(EnterpriseArchive.class,
                new File(System.getProperty("sangdam.ear", "target/sangdam.ear"))));
    }

    /**
     * Adds the test-only WAR ({@code /sangdam-test}) through which tests play the phone
     * network for the CTI core: a recording telephony adapter and an HTTP face.
     */
    static EnterpriseArchive withTestNetwork(EnterpriseArchive ear) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "sangdam-test.war")
                .addPackage(RecordingTelephony.class.getPackage())
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        String xml = new String(readAll(ear.get("META-INF/application.xml").getAsset()), StandardCharsets.UTF_8)
                .replace("</application>", "  <module><web><web-uri>sangdam-test.war</web-uri>"
                        + "<context-root>/sangdam-test</context-root></web></module>\n</application>");
        ear.delete("META-INF/application.xml");
        return ear.addAsModule(war).setApplicationXML(new StringAsset(xml));
    }

    private static byte[] readAll(Asset asset) {
        try (var in = asset.openStream()) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
