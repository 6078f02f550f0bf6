package org.sangdam.it;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The queue and its deadlines live in the database: taking Sangdam down and up again loses no call. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@DisplayName("R2.6 restart survival")
class RestartSurvivalIT {
    private static final String NAME = "restartable";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = NAME, managed = false, testable = false)
    static EnterpriseArchive sangdam() {
        return SangdamIT.sangdam();
    }

    @Test
    @DisplayName("R2.6 a queued call and a pending offer survive a redeploy; the offer's deadline still fires and both calls are offered again in their order")
    void survivesRedeploy() {
        deployer.deploy(NAME);
        try {
            long svc = Fixtures.newService();
            Fixtures.recallSeconds(svc, 6);
            String did = Fixtures.inboundNumber(svc);
            Desk first = new Desk(Fixtures.phoneAgent(svc)).ready();
            Desk second = new Desk(Fixtures.phoneAgent(svc));
            second.ok("login");

            long ringing = Network.customerCalls(did, "010-1000-0001");
            first.awaitState("OFFERED");
            Instant deadline = Instant.parse(first.view().path("call").path("offerDeadline").asText());
            long waiting = Network.customerCalls(did, "010-1000-0002");

            deployer.undeploy(NAME);
            // let the offer's deadline pass while Sangdam is down
            await().atMost(Duration.ofSeconds(20)).until(() -> Instant.now().isAfter(deadline.plusSeconds(1)));
            deployer.deploy(NAME);

            first.awaitState("WORK");
            assertThat(first.view().path("reason").asText()).isEqualTo("no answer");
            second.ok(second.choose("READY"));
            assertThat(second.awaitState("OFFERED").path("call").path("id").asLong()).as("the older call keeps its place").isEqualTo(ringing);
            first.ok(first.choose("READY"));
            assertThat(first.awaitState("OFFERED").path("call").path("id").asLong()).as("the queued call was not lost").isEqualTo(waiting);
        } finally {
            deployer.undeploy(NAME);
        }
    }
}
