package org.sangdam.bench.sip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The SIP call benchmark (issue 5): the driver of {@code bench/sip-bench.sh}. Against a running
 * server with the plain EAR it
 * <ol>
 * <li>sets up through the REST API, as the system administrator: a trunk whose allowed source is 127.0.0.1,
 * S services with CTI inbound and a DID each, N phone agents spread over them, with CTI numbers and SIP passwords;</li>
 * <li>starts SIPp as every agent phone at once ({@code sip/uas.xml}, {@code -rtp_echo}) and registers the N
 * CTI numbers with digest ({@code sip/register.xml}), each with that SIPp as its contact;</li>
 * <li>sits at the N agents' desks: FORM login (once per agent, then the session), the {@code /cti/events}
 * WebSocket, CTI login, Ready; answers each {@code offer} the moment it is pushed, and on {@code call-ended}
 * (after-call work) chooses Ready again;</li>
 * <li>calls the DIDs (in turn) from SIPp as the trunk ({@code sip/uac.xml}: PCMA from a pcap, BYE from the customer
 * after the hold time) at each rate for a fixed time, and reads back SIPp's statistics and round-trip
 * files, the desks' counters and the server's CPU from {@code /proc}.</li>
 * </ol>
 * A call counts as failed when SIPp reports it failed, when it was never offered and answered, or when
 * its agent leg was never set up. The figures go to a Markdown file.
 */
public final class SipBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIP_PASSWORD = "bench-sip-pw-1234";
    private static final String AGENT_PASSWORD = "bench-agent-pw-1234";
    /** SIPp's own G.711 A-law sample (4.7 s), named in sip/uac.xml */
    private static final String SIPP_PCAP = "/usr/share/sip-tester/g711a.pcap";

    private final String url = System.getProperty("bench.sip.url", "http://127.0.0.1:9180/sangdam");
    private final int sipPort = Integer.getInteger("bench.sip.sipPort", 6160);
    private final int agents = Integer.getInteger("bench.sip.agents", 200);
    private final int services = Integer.getInteger("bench.sip.services", 1);
    private final List<Integer> rates = Stream.of(System.getProperty("bench.sip.rates", "10,25,50,100").split(","))
            .map(String::trim).map(Integer::valueOf).toList();
    private final int seconds = Integer.getInteger("bench.sip.seconds", 20);
    private final int holdMs = Integer.getInteger("bench.sip.holdMs", 3000);
    private final int peerPort = Integer.getInteger("bench.sip.peerPort", 16100);
    private final long serverPid = Long.getLong("bench.sip.serverPid", 0);
    private final boolean jfr = !"0".equals(System.getProperty("bench.sip.jfr", "1"));
    private final boolean stopOnFailure = Boolean.parseBoolean(System.getProperty("bench.sip.stopOnFailure", "true"));
    /** keep the new service's default scenario (the built-in greeting, about 4.4 s, before the queue) */
    private final boolean greeting = Boolean.getBoolean("bench.sip.greeting");
    private final Path dir = Path.of(System.getProperty("bench.sip.dir", "bench/target/sip")).toAbsolutePath();
    private final Path scenarios = Path.of(System.getProperty("bench.sip.scenarios", "bench/sip")).toAbsolutePath();
    private final Path out = Path.of(System.getProperty("bench.sip.out", "bench/target/sip-results.md"));
    /** parallel REST calls of the set-up (agents, their CTI settings); each creation hashes a password (bcrypt) */
    private final int setupThreads = Integer.getInteger("bench.sip.setupThreads", 8);
    /** REGISTERs per second of the agent phones */
    private final int registerRate = Integer.getInteger("bench.sip.registerRate", 100);
    /**
     * the customer's audio: "tone" (default) plays a G.711 A-law pcap made at bench time from a sox tone 1 s shorter than
     * the call, so media flows for the whole call and every answered call sends all of it (SIPp counts no packets it
     * plays: sent = answered calls x packets of the pcap); "sipp" plays SIPp's own g711a.pcap (4.7 s)
     */
    private final String audio = System.getProperty("bench.sip.audio", "tone");
    /** call recording (issue 7) of the bench services: true (the default of a new service) or false, to measure the relay alone */
    private final boolean recording = Boolean.parseBoolean(System.getProperty("bench.sip.recording", "true"));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String adminBasic = "Basic " + Base64.getEncoder().encodeToString("sysadmin:demo1234".getBytes(StandardCharsets.UTF_8));
    /** the set-up's session (one FORM login): with HTTP Basic every REST call would verify the password (bcrypt) again */
    private volatile String adminCookie;
    private final List<String> setupLines = Collections.synchronizedList(new ArrayList<>());
    private long customersSent;
    private int packetsPerCall;
    private final ExecutorService clicks = Executors.newFixedThreadPool(Integer.getInteger("bench.sip.deskThreads", 16));
    private final List<Desk> desks = new ArrayList<>();
    private final List<Process> peers = Collections.synchronizedList(new ArrayList<>());

    // counters of the current step
    private final AtomicInteger offers = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger answerFailed = new AtomicInteger();
    private final AtomicInteger recalls = new AtomicInteger();
    private final AtomicInteger ended = new AtomicInteger();
    private final AtomicInteger readyFailed = new AtomicInteger();
    private final ConcurrentLinkedQueue<Long> answerNanos = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        SipBench bench = new SipBench();
        Runtime.getRuntime().addShutdownHook(new Thread(bench::stopPeers));
        try {
            bench.run();
        } finally {
            bench.stopPeers();
            bench.clicks.shutdownNow();
        }
        System.exit(0);
    }

    private void run() throws Exception {
        Files.createDirectories(dir);
        String tag = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);
        System.out.printf("set-up: %d service(s) with a DID each, a trunk, %d phone agents (REST API, %d at a time)%n", services, agents, setupThreads);
        long phase = System.nanoTime();
        adminCookie = formLogin("sysadmin", "demo1234");
        admin("POST", "/cti/trunks", map("name", "bench-trunk-" + tag, "host", "127.0.0.1", "port", peerPort + 20, "transport", "UDP",
                "allowedSources", List.of("127.0.0.1")));
        // the agents are split over the services (a contact center serves many help desks), each with its own DID
        List<Long> serviceIds = new ArrayList<>();
        List<String> dids = new ArrayList<>();
        for (int s = 0; s < services; s++) {
            long service = admin("POST", "/services", map("name", "bench-sip-" + tag + "-" + s, "ctiInbound", true, "ctiOutbound", false)).path("id").asLong();
            long scenario = admin("GET", "/services/" + service + "/cti/scenarios", null).get(0).path("id").asLong();
            if (!greeting) {
                // straight to the queue: the default greeting (about 4.4 s) would outlast short calls, which then never queue
                admin("PUT", "/services/" + service + "/cti/scenarios/" + scenario,
                        map("name", "bench queue at once", "definition", "{\"queue\":{\"music\":\"default-moh\"}}"));
            }
            if (!recording) {
                com.fasterxml.jackson.databind.node.ObjectNode settings = (com.fasterxml.jackson.databind.node.ObjectNode) admin("GET", "/services/" + service + "/cti/settings", null);
                settings.put("recordingEnabled", false);
                admin("PUT", "/services/" + service + "/cti/settings", JSON.convertValue(settings, Map.class));
            }
            String did = "02" + ThreadLocalRandom.current().nextInt(2000, 10000) + String.format("%04d", ThreadLocalRandom.current().nextInt(10000));
            admin("POST", "/cti/inbound-numbers", map("number", did, "serviceId", service, "scenarioId", scenario));
            serviceIds.add(service);
            dids.add(did);
        }
        phase = timed("services, DIDs and trunk (sequential)", services, phase);
        int firstNumber = ThreadLocalRandom.current().nextInt(100, 900) * 1000;
        List<CompletableFuture<Desk>> made = new ArrayList<>();
        ExecutorService setup = Executors.newFixedThreadPool(setupThreads);
        ConcurrentLinkedQueue<Long> userNanos = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> ctiNanos = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < agents; i++) {
            int n = i;
            long service = serviceIds.get(i % services);
            made.add(CompletableFuture.supplyAsync(() -> {
                String username = "bench-" + tag + "-" + n;
                long t0 = System.nanoTime();
                long user = admin("POST", "/services/" + service + "/users", map("username", username, "displayName", "Bench agent " + n,
                        "password", AGENT_PASSWORD, "role", "AGENT", "phonePermission", true)).path("id").asLong();
                long t1 = System.nanoTime();
                String number = String.valueOf(firstNumber + n);
                admin("PUT", "/services/" + service + "/users/" + user + "/cti", map("ctiId", "bench-" + tag + "-" + n, "ctiNumber", number, "sipPassword", SIP_PASSWORD));
                userNanos.add(t1 - t0);
                ctiNanos.add(System.nanoTime() - t1);
                return new Desk(username, number);
            }, setup));
        }
        for (CompletableFuture<Desk> f : made) {
            desks.add(f.join());
        }
        setup.shutdown();
        phase = timed("agents: POST user + PUT cti each", agents, phase);
        setupLines.add(String.format(Locale.ROOT, "  per call: POST user p50 %s ms p99 %s ms, PUT cti p50 %s ms p99 %s ms (%d at a time)",
                pct(ms(userNanos), 50), pct(ms(userNanos), 99), pct(ms(ctiNanos), 50), pct(ms(ctiNanos), 99), setupThreads));
        System.out.println(setupLines.getLast());

        System.out.println("agent phones: SIPp UAS with -rtp_echo, then REGISTER with digest for every CTI number");
        int uasPort = peerPort;
        Path uasDir = Files.createDirectories(dir.resolve("phones"));
        peers.add(sipp(uasDir, List.of("-sf", scenarios.resolve("uas.xml").toString(), "-i", "127.0.0.1", "-p", String.valueOf(uasPort),
                "-mi", "127.0.0.1", "-mp", String.valueOf(peerPort + 100), "-rtp_echo", "-rtp_buffsize", String.valueOf(4 << 20),
                "-trace_rtt", "-rtt_freq", "1",
                "-trace_stat", "-fd", "1", "-trace_err", "-max_socket", "10000")));
        StringBuilder users = new StringBuilder("SEQUENTIAL\n");
        for (Desk d : desks) {
            users.append(d.number).append(';').append(SIP_PASSWORD).append(';').append(uasPort)
                    .append(";[authentication username=").append(d.number).append(" password=").append(SIP_PASSWORD).append("]\n");
        }
        Path regDir = Files.createDirectories(dir.resolve("register"));
        Files.writeString(regDir.resolve("users.csv"), users);
        Process register = sipp(regDir, List.of("127.0.0.1:" + sipPort, "-sf", scenarios.resolve("register.xml").toString(), "-inf", "users.csv",
                "-i", "127.0.0.1", "-p", String.valueOf(peerPort + 10), "-m", String.valueOf(agents), "-r", String.valueOf(registerRate), "-trace_err",
                "-trace_stat", "-timeout", (agents / Math.max(1, registerRate) + 120) + "s"));
        if (!register.waitFor(agents / Math.max(1, registerRate) + 150, TimeUnit.SECONDS) || register.exitValue() != 0) {
            throw new IllegalStateException("the agent phones did not all register (SIPp exit " + (register.isAlive() ? "-" : register.exitValue())
                    + "); see " + regDir);
        }
        phase = timed("agent phones: REGISTER with digest at " + registerRate + "/s", agents, phase);

        System.out.println("desks: FORM login, /cti/events, CTI login, Ready");
        List<CompletableFuture<Void>> opened = new ArrayList<>();
        for (Desk d : desks) {
            opened.add(CompletableFuture.runAsync(d::open, clicks));
        }
        opened.forEach(CompletableFuture::join);
        timed("desks: FORM login, /cti/events, CTI login, Ready (" + Integer.getInteger("bench.sip.deskThreads", 16) + " at a time)", agents, phase);
        Path pcap = audioPcap();

        StringBuilder didFile = new StringBuilder("SEQUENTIAL\n");
        dids.forEach(d -> didFile.append(d).append('\n'));
        Files.writeString(dir.resolve("dids.csv"), didFile);
        List<String> rows = new ArrayList<>();
        MediaSnapshot mediaBefore = MediaSnapshot.of(admin("GET", "/system/media", null));
        Cpu runBefore = Cpu.read(serverPid);
        String loadBefore = loadAverage();
        step(Math.min(5, rates.getFirst()), 10, "warm-up", false, pcap);
        for (int i = 0; i < rates.size(); i++) {
            boolean last = i == rates.size() - 1;
            String row = step(rates.get(i), seconds, "rate " + rates.get(i), jfr && last, pcap);
            rows.add(row);
            System.out.println(row);
            if (stopOnFailure && row.contains("FAILED")) {
                break;
            }
        }
        Cpu runAfter = Cpu.read(serverPid);
        String loadAfter = loadAverage();
        // the agent phones' SIPp prints its echo count when it stops
        long echoed = stopPhonesAndCountEcho();
        MediaSnapshot mediaAfter = MediaSnapshot.of(admin("GET", "/system/media", null));
        List<String> media = mediaLines(mediaBefore, mediaAfter, echoed, runBefore, runAfter, loadBefore, loadAfter);
        media.forEach(System.out::println);
        writeResults(rows, media);
    }

    private long timed(String what, int count, long since) {
        long now = System.nanoTime();
        String line = String.format(Locale.ROOT, "  set-up %s: %d in %.1f s", what, count, (now - since) / 1e9);
        setupLines.add(line);
        System.out.println(line);
        return now;
    }

    private static List<Double> ms(ConcurrentLinkedQueue<Long> nanos) {
        return nanos.stream().map(n -> n / 1e6).sorted().toList();
    }

    // --- media: the customer's audio for the whole call, and the packets counted at each hop

    /** the pcap the customers play: a tone as long as the call, or SIPp's own 4.7 s sample */
    private Path audioPcap() throws IOException, InterruptedException {
        if (!"tone".equals(audio)) {
            packetsPerCall = RtpPcap.count(Path.of(SIPP_PCAP));
            return Path.of(SIPP_PCAP);
        }
        int secs = Math.max(1, holdMs / 1000 - 1);
        Path alaw = dir.resolve("tone.alaw");
        Process sox = new ProcessBuilder("sox", "-n", "-r", "8000", "-c", "1", "-e", "a-law", "-t", "raw", alaw.toString(),
                "synth", String.valueOf(secs), "sine", "440", "vol", "0.5").redirectErrorStream(true).start();
        String said = new String(sox.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (sox.waitFor() != 0) {
            throw new IllegalStateException("sox could not make the tone (apt-get install sox): " + said);
        }
        Path pcap = dir.resolve("tone-" + secs + "s.pcap");
        RtpPcap.write(Files.readAllBytes(alaw), pcap);
        packetsPerCall = RtpPcap.count(pcap);
        System.out.printf("customers' audio: %s (%d s of a 440 Hz tone, G.711 A-law, %d RTP packets per call)%n", pcap, secs, packetsPerCall);
        return pcap;
    }

    /** SIPp reads play_pcap_audio's file when it loads the scenario (no variables there): uac.xml with this pcap */
    private Path uacScenario(Path pcap) throws IOException {
        String xml = Files.readString(scenarios.resolve("uac.xml"), StandardCharsets.ISO_8859_1);
        if (!xml.contains(SIPP_PCAP)) {
            throw new IllegalStateException("uac.xml plays no " + SIPP_PCAP);
        }
        Path scenario = dir.resolve("uac.xml");
        Files.writeString(scenario, xml.replace(SIPP_PCAP, pcap.toString()), StandardCharsets.ISO_8859_1);
        return scenario;
    }

    /** stops the agent phones' SIPp (it prints its totals when it ends) and reads how many RTP packets it echoed */
    private long stopPhonesAndCountEcho() throws IOException, InterruptedException {
        Process phones = peers.isEmpty() ? null : peers.getFirst();
        if (phones == null) {
            return -1;
        }
        phones.destroy();
        phones.waitFor(20, TimeUnit.SECONDS);
        peers.remove(phones);
        return lastCount(dir.resolve("phones").resolve("sipp.out"), "Total echo RTP pckts 1st stream");
    }

    /** the last number printed before {@code label} in a SIPp screen dump, -1 when none */
    private static long lastCount(Path file, String label) throws IOException {
        if (!Files.exists(file)) {
            return -1;
        }
        long n = -1;
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            int at = line.indexOf(label);
            if (at > 0) {
                try {
                    n = Long.parseLong(line.substring(0, at).trim());
                } catch (NumberFormatException other) {
                    // not a count line
                }
            }
        }
        return n;
    }

    private List<String> mediaLines(MediaSnapshot before, MediaSnapshot after, long echoed, Cpu cpuBefore, Cpu cpuAfter,
                                    String loadBefore, String loadAfter) {
        List<String> lines = new ArrayList<>();
        long inC = after.customersReceived - before.customersReceived;
        long relC = after.customersRelayed - before.customersRelayed;
        long dropC = after.customersDropped - before.customersDropped;
        long inA = after.othersReceived - before.othersReceived;
        long relA = after.othersRelayed - before.othersRelayed;
        long dropA = after.othersDropped - before.othersDropped;
        lines.add("Media, whole run (warm-up included), packets counted at each hop; loss = sent - received:");
        lines.add("");
        lines.add("| hop | sent by | sent | received by | received | lost | loss % |");
        lines.add("|---|---|---|---|---|---|---|");
        lines.add(hop("customers -> server", "customers' SIPp (answered calls x " + packetsPerCall + " packets)", customersSent, "engine, customer legs", inC));
        lines.add(hop("server -> agents", "engine, relayed from customer legs", relC, "agents' SIPp (echoed)", echoed));
        lines.add(hop("agents -> server", "agents' SIPp (echoed)", echoed, "engine, agent legs", inA));
        lines.add(String.format(Locale.ROOT, "| server -> customers | engine, relayed from agent legs | %d | customers' SIPp | not counted | - | - |", relA));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "Engine: customer legs received %d, relayed %d, dropped %d, not relayed (queued, before the bridge, or after) %d; "
                + "agent legs received %d, relayed %d, dropped %d, not relayed %d; open legs after the run %d.",
                inC, relC, dropC, inC - relC - dropC, inA, relA, dropA, inA - relA - dropA, after.openLegs));
        lines.add(String.format(Locale.ROOT, "Whole run: server CPU %.0f %% of a core, machine %.0f %% (of %d cores); load average at the start %s, at the end %s.",
                cpuAfter.serverPercent(cpuBefore), cpuAfter.machinePercent(cpuBefore), Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter));
        return lines;
    }

    private static String hop(String hop, String by, long sent, String receivedBy, long received) {
        if (sent < 0 || received < 0) {
            return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | - | - |", hop, by, sent < 0 ? "-" : sent, receivedBy, received < 0 ? "-" : received);
        }
        long lost = sent - received;
        return String.format(Locale.ROOT, "| %s | %s | %d | %s | %d | %d | %.3f |", hop, by, sent, receivedBy, received, lost,
                sent == 0 ? 0.0 : 100.0 * lost / sent);
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")).subList(0, 3));
        } catch (IOException e) {
            return "?";
        }
    }

    /** {@code GET /api/system/media}: the engine's counters, by the leg packets arrived on */
    private record MediaSnapshot(int openLegs, long customersReceived, long customersRelayed, long customersDropped,
                                 long othersReceived, long othersRelayed, long othersDropped) {
        static MediaSnapshot of(JsonNode n) {
            JsonNode c = n.path("fromCustomers");
            JsonNode o = n.path("fromOthers");
            return new MediaSnapshot(n.path("openLegs").asInt(), c.path("received").asLong(), c.path("relayed").asLong(), c.path("dropped").asLong(),
                    o.path("received").asLong(), o.path("relayed").asLong(), o.path("dropped").asLong());
        }
    }

    /** one run: SIPp calls the DID at {@code rate} calls/s for {@code secs} s; returns the Markdown row */
    private String step(int rate, int secs, String label, boolean record, Path pcap) throws Exception {
        for (AtomicInteger c : List.of(offers, answered, answerFailed, recalls, ended, readyFailed)) {
            c.set(0);
        }
        answerNanos.clear();
        errors.clear();
        int calls = rate * secs;
        Path stepDir = Files.createDirectories(dir.resolve(label.replace(' ', '-')));
        long uasAnswersBefore = rttLines(dir.resolve("phones"));
        if (record) {
            jcmd("JFR.start", "name=sipbench", "settings=profile", "filename=" + dir.resolve("server-top-run.jfr"));
        }
        Cpu before = Cpu.read(serverPid);
        long started = System.nanoTime();
        System.out.printf("%s: %d calls at %d/s, %d ms each%n", label, calls, rate, holdMs);
        Process uac = sipp(stepDir, List.of("127.0.0.1:" + sipPort, "-sf", uacScenario(pcap).toString(), "-inf", dir.resolve("dids.csv").toString(),
                "-i", "127.0.0.1", "-p", String.valueOf(peerPort + 20), "-mi", "127.0.0.1", "-mp", String.valueOf(peerPort + 200),
                "-r", String.valueOf(rate), "-m", String.valueOf(calls), "-d", String.valueOf(holdMs), "-l", String.valueOf(rate * 60),
                "-trace_stat", "-fd", "1", "-trace_rtt", "-rtt_freq", "1", "-trace_err", "-max_socket", "10000",
                "-timeout", (secs + holdMs / 1000 + 90) + "s"));
        uac.waitFor();
        double callSeconds = (System.nanoTime() - started) / 1e9;
        Cpu during = Cpu.read(serverPid);
        // the agents' after-call Ready clicks finish after the last BYE
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ended.get() < answered.get() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Thread.sleep(1000);
        if (record) {
            jcmd("JFR.stop", "name=sipbench");
        }
        Stats stats = Stats.read(stepDir);
        // each answered customer played the whole pcap before its BYE (the pcap is shorter than the hold time)
        customersSent += stats.successful * packetsPerCall;
        List<Double> setup = rtt(stepDir, "setup");
        long agentLegs = rttLines(dir.resolve("phones")) - uasAnswersBefore;
        List<Double> answerMs = answerNanos.stream().map(n -> n / 1e6).sorted().toList();
        long failed = stats.failed + Math.max(0, calls - answered.get()) + Math.max(0, calls - agentLegs) + recalls.get();
        double cpu = during.serverPercent(before);
        double machine = during.machinePercent(before);
        if (!errors.isEmpty()) {
            System.out.println("  desk errors (first 5): " + errors.stream().limit(5).toList());
        }
        double window = Math.max(1e-9, callSeconds - holdMs / 1000.0);
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %d | %d | %d | %d | %s | %s | %s | %s | %d | %.0f | %.0f |%s",
                label, calls, stats.successful, stats.failed, agentLegs / window, stats.retransmissions,
                answered.get(), agentLegs, recalls.get() + answerFailed.get(), pct(setup, 50), pct(setup, 99), pct(answerMs, 50), pct(answerMs, 99),
                stats.maxConcurrent, cpu, machine, failed == 0 ? "" : " FAILED (" + failed + ")");
    }

    private void writeResults(List<String> rows, List<String> media) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("SIP call benchmark " + Instant.now() + ": " + services + " service(s), " + agents + " phone agents, calls of " + holdMs + " ms, " + seconds + " s per rate"
                + ", call recording " + (recording ? "on" : "off"));
        lines.add("");
        // SIPp's successful calls are customer legs answered (into queue music, agent or not); a set-up is a bridged agent leg
        lines.add("| run | calls | customer legs answered (SIPp successful) | SIPp failed | bridged set-ups/s | retransmissions | offers answered | agent legs (200->ACK) | recalled or answer refused "
                + "| INVITE->200 p50 ms | p99 ms | offer->answered p50 ms | p99 ms | concurrent calls (max) | server CPU % | machine CPU % |");
        lines.add("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        lines.addAll(rows);
        lines.add("");
        lines.add("Set-up:");
        lines.addAll(setupLines);
        lines.add("");
        lines.addAll(media);
        Files.write(out, lines, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    // --- the agents' desks

    /** one agent at the widget: a session (one FORM login, no bcrypt per click), the event stream, the three clicks */
    private final class Desk implements WebSocket.Listener {
        final String username;
        final String number;
        volatile String cookie;
        volatile long openedAt;
        private final StringBuilder partial = new StringBuilder();

        Desk(String username, String number) {
            this.username = username;
            this.number = number;
        }

        void open() {
            try {
                cookie = formLogin(username, AGENT_PASSWORD);
                http.newWebSocketBuilder().header("Cookie", cookie).buildAsync(URI.create(url.replace("http", "ws") + "/cti/events"), this).join();
                openedAt = System.nanoTime();
                click("POST", "/login", null);
                if (!"READY".equals(click("GET", "", null).path("state").asText())) {
                    click("PUT", "/status", Map.of("status", "READY"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    event(JSON.readTree(text));
                } catch (IOException e) {
                    errors.add(username + ": bad event " + text);
                }
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            errors.add(username + ": /cti/events closed " + status + " " + reason);
            System.out.printf("  %s: /cti/events closed by the server: %d %s (%s, %.0f s after it opened)%n", username, status, reason, Instant.now(),
                    (System.nanoTime() - openedAt) / 1e9);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            errors.add(username + ": /cti/events failed: " + error);
            System.out.printf("  %s: /cti/events failed: %s (%s, %.0f s after it opened)%n", username, error, Instant.now(), (System.nanoTime() - openedAt) / 1e9);
        }

        private void event(JsonNode e) {
            switch (e.path("kind").asText()) {
                case "offer" -> {
                    offers.incrementAndGet();
                    long offered = System.nanoTime();
                    clicks.execute(() -> {
                        try {
                            click("POST", "/answer", null);
                            answerNanos.add(System.nanoTime() - offered);
                            answered.incrementAndGet();
                        } catch (RuntimeException failed) {
                            answerFailed.incrementAndGet();
                            errors.add(username + " answer: " + failed.getMessage());
                        }
                    });
                }
                case "recall" -> recalls.incrementAndGet();
                case "call-ended" -> clicks.execute(() -> {
                    try {
                        click("PUT", "/status", Map.of("status", "READY"));
                    } catch (RuntimeException failed) {
                        readyFailed.incrementAndGet();
                        errors.add(username + " ready: " + failed.getMessage());
                    }
                    ended.incrementAndGet();
                });
                default -> {
                }
            }
        }

        JsonNode click(String method, String path, Object body) {
            return send(url + "/api/cti/agent" + path, method, body, "Cookie", cookie);
        }
    }

    // --- REST

    private JsonNode admin(String method, String path, Object body) {
        String cookie = adminCookie;
        return cookie == null ? send(url + "/api" + path, method, body, "Authorization", adminBasic)
                : send(url + "/api" + path, method, body, "Cookie", cookie);
    }

    /** a FORM login: the session cookie, so later requests need no password check */
    private String formLogin(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(url + "/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("j_username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                        + "&j_password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        return login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.split(";", 2)[0])
                .findFirst().orElseThrow(() -> new IllegalStateException(username + ": FORM login gave no session (" + login.statusCode() + ")"));
    }

    private JsonNode send(String target, String method, Object body, String authHeader, String authValue) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(60))
                    .header(authHeader, authValue).header("Accept", "application/json").header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() < 200 || response.statusCode() > 299) {
                throw new IllegalStateException(method + " " + target + " -> " + response.statusCode() + " " + response.body());
            }
            return response.body() == null || response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    // --- peers, files, /proc

    private Process sipp(Path workDir, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of("sipp", "-nostdin"));
        command.addAll(args);
        Files.writeString(workDir.resolve("command.txt"), String.join(" ", command) + "\n");
        return new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(workDir.resolve("sipp.out").toFile()).redirectErrorStream(true).start();
    }

    private void stopPeers() {
        synchronized (peers) {
            for (Process p : peers) {
                p.destroy();
            }
            peers.clear();
        }
    }

    private void jcmd(String... args) {
        if (serverPid <= 0) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(serverPid)));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            System.out.println("  jcmd " + String.join(" ", args) + ": " + said.strip().replace('\n', ' '));
        } catch (IOException e) {
            System.out.println("  jcmd failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** the values (ms) of one rtd of SIPp's {@code -trace_rtt} file in that directory, sorted */
    private static List<Double> rtt(Path stepDir, String name) throws IOException {
        List<Double> values = new ArrayList<>();
        for (Path f : files(stepDir, "_rtt.csv")) {
            for (String line : Files.readAllLines(f)) {
                String[] c = line.split(";");
                if (c.length >= 3 && c[2].trim().equals(name)) {
                    try {
                        values.add(Double.parseDouble(c[1].trim()));
                    } catch (NumberFormatException header) {
                        // the header line
                    }
                }
            }
        }
        Collections.sort(values);
        return values;
    }

    private static long rttLines(Path d) throws IOException {
        long n = 0;
        for (Path f : files(d, "_rtt.csv")) {
            try (Stream<String> lines = Files.lines(f)) {
                n += lines.filter(l -> l.endsWith(";answer")).count();
            }
        }
        return n;
    }

    private static List<Path> files(Path d, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    private static String pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return "-";
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return String.format(Locale.ROOT, "%.1f", sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))));
    }

    /** SIPp's cumulative counters, from the last line of its {@code -trace_stat} file; the most calls at once from all lines */
    private record Stats(long successful, long failed, long retransmissions, long maxConcurrent) {
        static Stats read(Path stepDir) throws IOException {
            List<Path> f = files(stepDir, "_.csv");
            if (f.isEmpty()) {
                return new Stats(0, 0, 0, 0);
            }
            List<String> lines = Files.readAllLines(f.getFirst());
            List<String> header = List.of(lines.getFirst().split(";"));
            String[] last = lines.getLast().split(";");
            long max = 0;
            int current = header.indexOf("CurrentCall");
            for (String l : lines.subList(1, lines.size())) {
                max = Math.max(max, Long.parseLong(l.split(";")[current].trim()));
            }
            return new Stats(Long.parseLong(last[header.indexOf("SuccessfulCall(C)")].trim()), Long.parseLong(last[header.indexOf("FailedCall(C)")].trim()),
                    Long.parseLong(last[header.indexOf("Retransmissions(C)")].trim()), max);
        }
    }

    /** CPU ticks of the server process and of the whole machine (busy, total) */
    private record Cpu(long server, long busy, long total, long at) {
        static Cpu read(long pid) throws IOException {
            long server = 0;
            if (pid > 0) {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                server = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            }
            String[] c = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < c.length; i++) {
                total += Long.parseLong(c[i]);
            }
            long idle = Long.parseLong(c[4]) + Long.parseLong(c[5]);
            return new Cpu(server, total - idle, total, System.nanoTime());
        }

        /** the server's CPU since {@code before}, % of one core (USER_HZ = 100) */
        double serverPercent(Cpu before) {
            return (server - before.server) / ((at - before.at) / 1e9) ;
        }

        /** the whole machine's busy share since {@code before}, % of one core */
        double machinePercent(Cpu before) {
            return 100.0 * (busy - before.busy) / Math.max(1, total - before.total) * Runtime.getRuntime().availableProcessors();
        }
    }
}
