package org.sangdam.it.sip;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.sangdam.it.console.Browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * What a failed journey leaves behind under {@code target/evidence} (issue 8 item 3):
 * a screenshot of every open browser at the failing step, the server's log, and a
 * capture of the loopback SIP traffic to and from the server's SIP port (tcpdump, a
 * Debian package {@code .ci/run} installs; without it the capture is skipped and
 * said so). The baresip peers keep their own logs and recordings under
 * {@code target/sip-peers}. A passing run deletes the capture.
 * <p>
 * A journey's steps build on each other: once one fails, the later ones are
 * skipped (an assumption, reported as such) instead of failing for the same cause.
 */
final class Evidence implements BeforeAllCallback, AfterAllCallback, TestWatcher {
    private static final Path DIR = Path.of(System.getProperty("sangdam.e2e.evidence", "target/evidence"));
    private static final List<Browser> BROWSERS = new CopyOnWriteArrayList<>();
    private static volatile boolean failed;
    private Process capture;

    /** the browsers to photograph when a step fails */
    static Browser watch(Browser browser) {
        BROWSERS.add(browser);
        return browser;
    }

    static void forget(Browser browser) {
        BROWSERS.remove(browser);
    }

    /** true once a step failed: the journey cannot go on from there */
    static boolean failed() {
        return failed;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Files.createDirectories(DIR);
        // what an earlier run left: this run's evidence only
        for (String old : new String[] {"sip.pcap", "server.log", "sip-trace.txt", "tcpdump.log"}) {
            Files.deleteIfExists(DIR.resolve(old));
        }
        Path screenshots = Path.of(System.getProperty("sangdam.screenshots", "target/screenshots"));
        if (Files.isDirectory(screenshots)) {
            try (var files = Files.list(screenshots)) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith("FAILED-")).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
        String tcpdump = onPath("tcpdump");
        if (tcpdump == null) {
            Files.writeString(DIR.resolve("sip-trace.txt"), "no SIP capture: tcpdump is not installed (apt-get install tcpdump; .ci/run does)\n");
            return;
        }
        capture = new ProcessBuilder(tcpdump, "-i", "lo", "-n", "-s", "0", "-U", "-w", DIR.resolve("sip.pcap").toString(),
                "udp port " + SipPeers.SERVER_PORT)
                .redirectErrorStream(true).redirectOutput(DIR.resolve("tcpdump.log").toFile()).start();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        failed = true;
        String step = context.getRequiredTestMethod().getName();
        int n = 0;
        for (Browser browser : BROWSERS) {
            try {
                browser.screenshot("FAILED-" + step + "-" + (++n));
            } catch (RuntimeException | AssertionError e) {
                // a browser that died cannot be photographed; the others still are
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (capture != null) {
            capture.destroy(); // SIGTERM: tcpdump flushes and closes the file
            if (!capture.waitFor(10, TimeUnit.SECONDS)) {
                capture.destroyForcibly();
            }
            if (!failed) {
                Files.deleteIfExists(DIR.resolve("sip.pcap"));
            }
        }
        Path serverLog = Path.of(System.getProperty("sangdam.e2e.serverLog", "../ear/target/wildfly/standalone/log/server.log"));
        if (failed && Files.exists(serverLog)) {
            Files.copy(serverLog, DIR.resolve("server.log"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String onPath(String program) {
        for (String dir : (System.getenv().getOrDefault("PATH", "/usr/bin:/bin") + ":/usr/sbin:/sbin").split(":")) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
