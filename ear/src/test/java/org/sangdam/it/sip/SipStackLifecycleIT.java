package org.sangdam.it.sip;

import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DisplayName("Issue 5 the SIP stack lives and dies with the deployment")
class SipStackLifecycleIT extends SipIT {
    /** the names JAIN-SIP gives its threads (seen in SipServerTest), besides any thread running gov.nist code */
    private static final Pattern JAIN_SIP_THREAD = Pattern.compile(
            "EventScannerThread|DefaultSipTimerThread|NioSelector-.*|.*UDPMessageChannelThread.*|MessageProcessorThread-.*"
                    + "|pool-AffinityJAIN-.*|BlockingQueueDispatchAuditor-.*");

    @ArquillianResource
    ManagementClient management;

    @Test
    @DisplayName("R1.4 undeploying stops SIP (no JAIN-SIP thread left, UDP and TCP port free); deploying again answers SIP again")
    void redeploy() throws Exception {
        Sipp.Result before = Sipp.scenario("uac-options-expect-200").run();
        assertThat(before.passed()).as(before.toString()).isTrue();
        assertThat(jainSipThreads()).as("the stack's threads are seen while deployed (the check below is not vacuous)").isNotEmpty();

        execute(deploymentOperation("undeploy"));
        try {
            await("JAIN-SIP threads gone").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(jainSipThreads()).isEmpty());
            assertThat(portFree(SipPeers.SERVER_PORT)).as("UDP and TCP %d can be bound again", SipPeers.SERVER_PORT).isTrue();
        } finally {
            execute(deploymentOperation("deploy"));
        }

        Sipp.Result after = Sipp.scenario("uac-options-expect-200").run();
        assertThat(after.passed()).as(after.toString()).isTrue();
        Sipp.Result register = Sipp.scenario("uac-register-expect-200").as("1001").credentials("1001", "sip-demo-1234")
                .key("expires", "120").run();
        assertThat(register.passed()).as("the registrar works after a redeploy: %s", register).isTrue();
    }

    private ModelNode execute(ModelNode operation) throws IOException {
        ModelNode response = management.getControllerClient().execute(operation);
        assertThat(response.get("outcome").asString()).as("%s -> %s", operation, response).isEqualTo("success");
        return response.get("result");
    }

    private static ModelNode deploymentOperation(String name) {
        ModelNode op = new ModelNode();
        op.get("operation").set(name);
        op.get("address").add("deployment", DEPLOYMENT);
        return op;
    }

    /** names of server threads that are JAIN-SIP's, by name or by a gov.nist frame on their stack */
    private List<String> jainSipThreads() throws IOException {
        ModelNode op = new ModelNode();
        op.get("operation").set("dump-all-threads");
        op.get("address").add("core-service", "platform-mbean").add("type", "threading");
        op.get("locked-monitors").set(false);
        op.get("locked-synchronizers").set(false);
        ModelNode threads = execute(op);
        List<String> found = new ArrayList<>();
        for (ModelNode thread : threads.asList()) {
            String name = thread.get("thread-name").asString();
            boolean nist = false;
            ModelNode stack = thread.get("stack-trace");
            if (stack.isDefined()) {
                for (ModelNode frame : stack.asList()) {
                    if (frame.get("class-name").asString().startsWith("gov.nist.")) {
                        nist = true;
                        break;
                    }
                }
            }
            if (nist || JAIN_SIP_THREAD.matcher(name).matches()) {
                found.add(name);
            }
        }
        return found;
    }

    private static boolean portFree(int port) {
        InetAddress lo = InetAddress.getLoopbackAddress();
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(lo, port));
             ServerSocket tcp = new ServerSocket()) {
            tcp.bind(new InetSocketAddress(lo, port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
