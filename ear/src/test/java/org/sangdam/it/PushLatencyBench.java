package org.sangdam.it;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sangdam.it.console.Browser;
import org.sangdam.it.console.PhoneWidget;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 6's benchmark, not part of the suite (no IT suffix): run it with
 * {@code ./sangdam test -Dit.test=PushLatencyBench -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 * <p>
 * Latency is measured from the status change in the server (the status's {@code since},
 * which the server sets when it applies the change, before commit) to the moment the
 * browser's DOM shows it (a MutationObserver on the widget), on one machine clock.
 * Then 200 agents' consoles connect to the event stream and the server's memory and
 * CPU are read from /proc, and the latency is measured again under that load.
 */
@DisplayName("issue 6 benchmark: push latency to the console, and the server with 200 consoles connected")
class PushLatencyBench extends SangdamIT {
    private static final int EVENTS = Integer.getInteger("sangdam.bench.events", 200);
    private static final int CONSOLES = Integer.getInteger("sangdam.bench.consoles", 200);

    private static final String OBSERVE = """
            window.__marks = []; window.__last = '';
            new MutationObserver(function () {
              var w = document.getElementById('phoneForm:widget');
              var r = document.getElementById('phoneReason');
              var s = document.getElementById('phoneSince');
              if (!w || !r || !s) { return; }
              var key = w.getAttribute('data-state') + '|' + r.textContent;
              if (key !== window.__last) {
                window.__last = key;
                window.__marks.push({ key: key, t: Date.now(), since: Number(s.getAttribute('data-since')) });
              }
            }).observe(document.getElementById('phoneForm'), { childList: true, subtree: true, attributes: true });
            """;

    @Test
    @DisplayName("p50/p99 from a server status change to the DOM, idle and with 200 consoles; server CPU and memory")
    void pushLatency() throws Exception {
        long svc = Fixtures.newService();
        Fixtures.Member agent = Fixtures.phoneAgent(svc);
        StringBuilder report = new StringBuilder();
        long pid = serverPid();
        try (Browser browser = Browser.korean()) {
            PhoneWidget phone = browser.open().loginAs(agent.username(), agent.password()).phone().awaitOnline();
            phone.press("ctiLogin", "WORK");
            browser.js(OBSERVE);

            List<Long> idle = latencies(browser, agent, "a");
            report.append(line("1 console", idle));
            Usage before = Usage.of(pid, Duration.ofSeconds(10));

            List<Fixtures.Member> agents = phoneAgents(svc, CONSOLES);
            List<CtiEventsIT.Console> consoles = new ArrayList<>();
            try {
                for (Fixtures.Member a : agents) {
                    consoles.add(new CtiEventsIT.Console(a.username(), a.password()));
                }
                for (CtiEventsIT.Console c : consoles) {
                    c.next("state");
                }
                Usage connected = Usage.of(pid, Duration.ofSeconds(10));
                // every one of the 200 agents logs in: one push to each console, while we watch the CPU
                long cpuStart = Usage.cpuTicks(pid);
                long wallStart = System.nanoTime();
                parallel(agents, a -> new Desk(a).ok("login"));
                for (CtiEventsIT.Console c : consoles) {
                    assertThat(c.next("status").path("state").asText()).isEqualTo("WORK");
                }
                double burstSeconds = (System.nanoTime() - wallStart) / 1e9;
                double burstCpu = (Usage.cpuTicks(pid) - cpuStart) / 100.0 / burstSeconds;
                List<Long> loaded = latencies(browser, agent, "b");
                report.append(line(CONSOLES + " consoles connected", loaded));
                report.append(String.format(Locale.ROOT,
                        "%nserver (WildFly + Sangdam, one JVM, -Xmx1g, ZGC):%n"
                                + "- before the consoles: RSS %d MiB, idle CPU %.1f %% of one core%n"
                                + "- %d consoles connected: RSS %d MiB, idle CPU %.1f %% of one core%n"
                                + "- %d agents logging in at once (login + one push to each console): %.0f %% of one core for %.1f s%n",
                        before.rssMiB(), before.cpuPercent(), CONSOLES, connected.rssMiB(), connected.cpuPercent(),
                        CONSOLES, burstCpu * 100, burstSeconds));
            } finally {
                for (CtiEventsIT.Console c : consoles) {
                    try {
                        c.close();
                    } catch (RuntimeException ignored) {
                        // already closed
                    }
                }
            }
        }
        System.out.println("== push latency benchmark\n" + report);
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("push-latency.md"), report.toString());
    }

    /** alternates Work and Break with a fresh reason, one change at a time, each timed from the server's 'since' to the DOM */
    private static List<Long> latencies(Browser browser, Fixtures.Member agent, String tag) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            String status = i % 2 == 0 ? "BREAK" : "WORK";
            String reason = tag + i;
            Api.Reply r = agent.api().put("/cti/agent/status", Api.map("status", status, "reason", reason));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            String key = status + "|" + reason;
            Object latency = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> browser.js(
                    "var k = arguments[0]; var m = window.__marks.filter(function (x) { return x.key === k; })[0];"
                            + "return m ? m.t - m.since : null;", key), v -> v != null);
            out.add(((Number) latency).longValue());
        }
        return out;
    }

    private static String line(String what, List<Long> latencies) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "- %s: %d status changes, p50 %d ms, p99 %d ms, max %d ms%n", what, sorted.size(),
                pct(sorted, 50), pct(sorted, 99), sorted.get(sorted.size() - 1));
    }

    private static long pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static List<Fixtures.Member> phoneAgents(long svc, int n) throws Exception {
        List<Fixtures.Member> out = Collections.synchronizedList(new ArrayList<>());
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            idx.add(i);
        }
        parallel(idx, i -> out.add(Fixtures.phoneAgent(svc)));
        return out;
    }

    private interface Step<T> {
        void run(T t) throws Exception;
    }

    private static <T> void parallel(List<T> items, Step<T> step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T t : items) {
                futures.add(pool.submit(() -> {
                    step.run(t);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** the managed WildFly of this test run: the java process started with our port offset */
    private static long serverPid() {
        String offset = "port-offset=" + inferOffset();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("jboss-modules.jar") && c.contains(offset)).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no WildFly with " + offset)).pid();
    }

    private static String inferOffset() {
        String base = Browser.BASE;
        int port = Integer.parseInt(base.replaceAll("^http://[^:]+:(\\d+)/.*$", "$1"));
        return String.valueOf(port - 8080);
    }

    record Usage(long rssMiB, double cpuPercent) {
        static Usage of(long pid, Duration over) throws IOException, InterruptedException {
            long t0 = cpuTicks(pid);
            long n0 = System.nanoTime();
            Thread.sleep(over.toMillis()); // measuring idle CPU over a fixed window, not waiting for a state
            double secs = (System.nanoTime() - n0) / 1e9;
            double cpu = (cpuTicks(pid) - t0) / 100.0 / secs * 100;
            return new Usage(rssKiB(pid) / 1024, cpu);
        }

        static long cpuTicks(long pid) throws IOException {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }

        static long rssKiB(long pid) throws IOException {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("\\D", ""));
                }
            }
            return -1;
        }
    }
}
