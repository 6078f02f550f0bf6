package org.sangdam.bench.media;

import org.sangdam.media.MediaLeg;
import org.sangdam.media.MediaSettings;
import org.sangdam.media.MediaStats;
import org.sangdam.media.Prompts;
import org.sangdam.media.RtpMediaEngine;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Media relay benchmark (issue 5): N bridged G.711 call pairs through {@link RtpMediaEngine} on
 * loopback, in one JVM. Each call has two "phones" (UDP sockets) that send a 20 ms PCMU packet
 * every 20 ms, paced by a small pool of sender threads (streams spread over the 20 ms in 1 ms
 * slots), through their legs; one receiver thread (a selector over all phones) measures loss,
 * one-way latency through the relay (the send time travels in the payload) and RFC 3550
 * inter-arrival jitter. A "direct" run sends phone to phone without the engine: what loopback
 * and this harness cost alone, so relay minus direct is what the engine adds. A playback run
 * plays looping music to M legs and measures the 20 ms ticker's jitter at the phones.
 *
 * <p>By default the phones run in a separate JVM ({@link MediaPhones}) at a lower CPU priority
 * ({@code nice}), so they do not take the engine's CPU; {@code phones=inline} runs them in this
 * JVM as before. The engine's sockets' and the phones' sockets' kernel drops are read from
 * {@code /proc/net/udp}, so a loss says where it happened.
 *
 * <p>Options ({@code -Dbench.media.<name>}): {@code pairs} (100,500,1000), {@code seconds}
 * (20 measured per run), {@code warmup} (5 s, not measured), {@code senders} (2),
 * {@code direct} (1000; pairs of the direct baseline run, 0 skips), {@code play} (1000 legs, 0 skips),
 * {@code phones} ({@code process} or {@code inline}), {@code nice} (19: the phones' process
 * priority, 0 = same as the engine), {@code threads} (the engine's I/O threads; default: its own),
 * {@code ports} (20000-29999: the engine's RTP range), {@code out} (a Markdown file for the figures).
 */
public final class MediaBench {
    private static final int FRAME_NANOS = 20_000_000;
    private static final int SLOTS = 20;
    private static final long HIST_MAX_MICROS = 2_000_000;

    public static void main(String[] args) throws Exception {
        int[] pairs = ints(System.getProperty("bench.media.pairs", "100,500,1000"));
        int seconds = Integer.getInteger("bench.media.seconds", 20);
        int warmup = Integer.getInteger("bench.media.warmup", 5);
        int senders = Integer.getInteger("bench.media.senders", 2);
        int direct = Integer.getInteger("bench.media.direct", 1000);
        int play = Integer.getInteger("bench.media.play", 1000);
        String out = System.getProperty("bench.media.out");
        boolean inline = System.getProperty("bench.media.phones", "process").equals("inline");
        int nice = Integer.getInteger("bench.media.nice", 19);
        int threads = Integer.getInteger("bench.media.threads", RtpMediaEngine.defaultIoThreads());
        String[] range = System.getProperty("bench.media.ports", "20000-29999").split("-");
        MediaSettings settings = new MediaSettings("127.0.0.1", Integer.parseInt(range[0].trim()), Integer.parseInt(range[1].trim()));

        StringBuilder md = new StringBuilder();
        md.append("Media relay benchmark ").append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
                .append(", JVM ").append(System.getProperty("java.vm.version")).append(", GC ")
                .append(gcNames()).append(", ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs\n\n");
        md.append("| run | calls | streams | packets sent | lost | loss % | latency p50 ms | p99 ms | p99.9 ms | max ms | jitter mean ms | jitter max ms | relay thread CPU % (user) | process CPU % | softirq % | other processes CPU % | send failures |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        if (!inline) {
            md.setLength(0);
            md.append("Media relay benchmark ").append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
                    .append(", JVM ").append(System.getProperty("java.vm.version")).append(", GC ").append(gcNames()).append(", ")
                    .append(Runtime.getRuntime().availableProcessors()).append(" CPUs; engine I/O threads: ").append(threads)
                    .append("; phones in their own JVM at nice ").append(nice).append("; net.core.rmem_max ")
                    .append(sysctl("net/core/rmem_max")).append("\n\n");
            md.append("| run | calls | packets sent | of schedule % | lost | loss % | engine socket drops | phone socket drops | engine received | engine relayed "
                    + "| latency p50 ms | p99 ms | p99.9 ms | max ms | jitter mean ms | jitter max ms | engine I/O CPU % (user) | µs per packet | engine JVM CPU % | phones CPU % "
                    + "| softirq % | other processes CPU % |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        }
        System.out.print(md);
        if (direct > 0) {
            String row = inline ? relay(direct, seconds, warmup, senders, false, settings, threads)
                    : relayRemote(direct, seconds, warmup, senders, null, nice);
            System.out.print(row);
            md.append(row);
        }
        for (int n : pairs) {
            String row;
            if (inline) {
                row = relay(n, seconds, warmup, senders, true, settings, threads);
            } else {
                try (RtpMediaEngine engine = new RtpMediaEngine(settings, threads)) {
                    row = relayRemote(n, seconds, warmup, senders, engine, nice);
                }
            }
            System.out.print(row);
            md.append(row);
        }
        if (play > 0) {
            md.append("\nPlayback (looping music to each leg, the engine's 20 ms ticker):\n\n");
            md.append("| legs | packets | inter-arrival p50 ms | p1 ms | p99 ms | max ms | RFC 3550 jitter mean ms | max ms | ticker thread CPU % |\n");
            md.append("|---|---|---|---|---|---|---|---|---|\n");
            String row = playback(play, seconds, warmup, settings, threads);
            md.append(row);
            System.out.println();
            System.out.print(md.substring(md.indexOf("Playback")));
        }
        if (out != null) {
            Files.writeString(Path.of(out), md);
            System.out.println("\nfigures in " + out);
        }
    }

    // ------------------------------------------------------------------ relay

    /** One phone: its socket, where it sends, and what the receiver saw. */
    static final class Phone {
        final DatagramChannel channel;
        InetSocketAddress target;
        final int ssrc;
        int seq;
        long ts;
        // sender thread only
        long sentInWindow;
        long sendFailures;
        // receiver thread only
        long receivedInWindow;
        double jitterNanos;
        long lastTransit = Long.MIN_VALUE;
        long lastArrival;
        long lastRtpTs = -1;

        static String offer(int port) {
            return "v=0\r\no=bench 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio " + port + " RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n";
        }

        Phone(int ssrc) throws IOException {
            channel = DatagramChannel.open();
            channel.bind(new InetSocketAddress("127.0.0.1", 0));
            channel.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 256 * 1024);
            channel.configureBlocking(false);
            this.ssrc = ssrc;
            this.seq = ssrc & 0x7FFF;
            this.ts = ssrc & 0xFFFFFL;
        }

        int port() throws IOException {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        }

        String offer() throws IOException {
            return offer(port());
        }
    }

    private static String relay(int calls, int seconds, int warmup, int senderThreads, boolean throughEngine, MediaSettings settings, int ioThreads) throws Exception {
        RtpMediaEngine engine = throughEngine ? new RtpMediaEngine(settings, ioThreads) : null;
        List<Phone> phones = new ArrayList<>();
        List<MediaLeg> legs = new ArrayList<>();
        try {
            for (int i = 0; i < calls; i++) {
                Phone a = new Phone(2 * i + 1);
                Phone b = new Phone(2 * i + 2);
                phones.add(a);
                phones.add(b);
                if (throughEngine) {
                    MediaLeg la = engine.openLeg("a" + i);
                    MediaLeg lb = engine.openLeg("b" + i);
                    la.answer(a.offer());
                    lb.answer(b.offer());
                    engine.bridge(la, lb);
                    legs.add(la);
                    legs.add(lb);
                    a.target = new InetSocketAddress("127.0.0.1", la.localPort());
                    b.target = new InetSocketAddress("127.0.0.1", lb.localPort());
                } else {
                    a.target = new InetSocketAddress("127.0.0.1", b.port());
                    b.target = new InetSocketAddress("127.0.0.1", a.port());
                }
            }
            long start = System.nanoTime() + 200_000_000L;
            long windowStart = start + warmup * 1_000_000_000L;
            long windowEnd = windowStart + seconds * 1_000_000_000L;
            Histogram latency = new Histogram();
            Receiver receiver = new Receiver(phones, windowStart, windowEnd, latency, false);
            Thread rx = new Thread(receiver, "bench-receiver");
            rx.setDaemon(true);
            rx.start();
            List<Thread> txs = new ArrayList<>();
            for (int t = 0; t < senderThreads; t++) {
                List<List<Phone>> slots = new ArrayList<>();
                for (int s = 0; s < SLOTS; s++) {
                    slots.add(new ArrayList<>());
                }
                for (int i = t; i < phones.size(); i += senderThreads) {
                    slots.get((i / senderThreads) % SLOTS).add(phones.get(i));
                }
                Thread tx = new Thread(() -> send(slots, start, windowStart, windowEnd), "bench-sender-" + t);
                tx.setDaemon(true);
                txs.add(tx);
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            txs.forEach(Thread::start);
            sleepUntil(windowStart);
            long relayCpu0 = threadCpu(threads, "sangdam-rtp-io");
            long relayUser0 = threadUser(threads, "sangdam-rtp-io");
            long cpu0 = os.getProcessCpuTime();
            long[] machine0 = machineJiffies();
            MediaStats stats0 = engine == null ? null : engine.stats();
            sleepUntil(windowEnd);
            long relayCpu1 = threadCpu(threads, "sangdam-rtp-io");
            long relayUser1 = threadUser(threads, "sangdam-rtp-io");
            long cpu1 = os.getProcessCpuTime();
            long[] machine1 = machineJiffies();
            MediaStats stats1 = engine == null ? null : engine.stats();
            for (Thread tx : txs) {
                tx.join();
            }
            Thread.sleep(1000); // the last packets arrive
            receiver.stop = true;
            rx.join();

            long sent = 0;
            long received = 0;
            long failures = 0;
            double jitterSum = 0;
            double jitterMax = 0;
            for (Phone p : phones) {
                sent += p.sentInWindow;
                received += p.receivedInWindow;
                failures += p.sendFailures;
                jitterSum += p.jitterNanos;
                jitterMax = Math.max(jitterMax, p.jitterNanos);
            }
            long lost = Math.max(0, sent - received);
            double window = (windowEnd - windowStart) / 1e9;
            String name = throughEngine ? "relay" : "direct (no engine)";
            double processCpu = 100.0 * (cpu1 - cpu0) / 1e9 / window;
            boolean proc = machine0 != null && machine1 != null;
            double softirq = proc ? (machine1[1] - machine0[1]) / window : 0; // jiffies are 1/100 s: per second = %
            String softirqText = proc ? String.format(Locale.ROOT, "%.0f", softirq) : "-";
            String others = proc ? String.format(Locale.ROOT, "%.0f", Math.max(0, (machine1[0] - machine0[0]) / window - processCpu - softirq)) : "-";
            String relayCpu = throughEngine ? String.format(Locale.ROOT, "%.0f (%.0f)", 100.0 * (relayCpu1 - relayCpu0) / 1e9 / window,
                    100.0 * (relayUser1 - relayUser0) / 1e9 / window) : "-";
            String row = String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.4f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %s | %.0f | %s | %s | %d |%n",
                    name, calls, phones.size(), sent, lost, sent == 0 ? 0 : 100.0 * lost / sent,
                    latency.percentile(50) / 1000.0, latency.percentile(99) / 1000.0, latency.percentile(99.9) / 1000.0,
                    latency.max() / 1000.0, jitterSum / phones.size() / 1e6, jitterMax / 1e6,
                    relayCpu, processCpu, softirqText, others, failures);
            if (stats1 != null) {
                System.err.printf(Locale.ROOT, "  [%d calls] engine: %d received, %d relayed, %d dropped in the window%n", calls,
                        stats1.packetsReceived() - stats0.packetsReceived(), stats1.packetsRelayed() - stats0.packetsRelayed(),
                        stats1.packetsDropped() - stats0.packetsDropped());
            }
            return row;
        } finally {
            for (MediaLeg leg : legs) {
                leg.close();
            }
            if (engine != null) {
                engine.close();
            }
            for (Phone p : phones) {
                p.channel.close();
            }
        }
    }

    /** What the phones sent and received in the window, and their process's CPU in it (100 = one core). */
    record Measured(long sent, long received, long failures, Histogram latency, double jitterMeanNanos, double jitterMaxNanos,
                    double cpuPercent) {
    }

    /** Runs the phones' senders and receiver (phones 2i and 2i+1 are one call) and counts the window. */
    static Measured measure(List<Phone> phones, long start, long windowStart, long windowEnd, int senderThreads, Runnable unused)
            throws InterruptedException {
        Histogram latency = new Histogram();
        Receiver receiver = new Receiver(phones, windowStart, windowEnd, latency, false);
        Thread rx = new Thread(receiver, "bench-receiver");
        rx.setDaemon(true);
        rx.start();
        List<Thread> txs = new ArrayList<>();
        for (int t = 0; t < senderThreads; t++) {
            List<List<Phone>> slots = new ArrayList<>();
            for (int s = 0; s < SLOTS; s++) {
                slots.add(new ArrayList<>());
            }
            for (int i = t; i < phones.size(); i += senderThreads) {
                slots.get((i / senderThreads) % SLOTS).add(phones.get(i));
            }
            Thread tx = new Thread(() -> send(slots, start, windowStart, windowEnd), "bench-sender-" + t);
            tx.setDaemon(true);
            txs.add(tx);
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        txs.forEach(Thread::start);
        sleepUntil(windowStart);
        long cpu0 = os.getProcessCpuTime();
        sleepUntil(windowEnd);
        long cpu1 = os.getProcessCpuTime();
        for (Thread tx : txs) {
            tx.join();
        }
        Thread.sleep(1000); // the last packets arrive
        receiver.stop = true;
        rx.join();
        long sent = 0;
        long received = 0;
        long failures = 0;
        double jitterSum = 0;
        double jitterMax = 0;
        for (Phone p : phones) {
            sent += p.sentInWindow;
            received += p.receivedInWindow;
            failures += p.sendFailures;
            jitterSum += p.jitterNanos;
            jitterMax = Math.max(jitterMax, p.jitterNanos);
        }
        double window = (windowEnd - windowStart) / 1e9;
        return new Measured(sent, received, failures, latency, jitterSum / phones.size(), jitterMax,
                100.0 * (cpu1 - cpu0) / 1e9 / window);
    }

    /**
     * One run with the phones in their own process ({@link MediaPhones}) at {@code nice}; through
     * {@code engine}, or phone to phone when it is null.
     */
    private static String relayRemote(int calls, int seconds, int warmup, int senders, RtpMediaEngine engine, int nice) throws Exception {
        List<MediaLeg> legs = new ArrayList<>();
        List<String> command = new ArrayList<>();
        if (nice > 0) {
            command.addAll(List.of("nice", "-n", Integer.toString(nice)));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseZGC", "-Xms256m", "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), MediaPhones.class.getName(), Integer.toString(calls),
                engine == null ? "direct" : "relay", Integer.toString(seconds), Integer.toString(warmup), Integer.toString(senders)));
        Process process = null;
        try {
            if (engine != null) {
                for (int i = 0; i < 2 * calls; i++) {
                    legs.add(engine.openLeg((i % 2 == 0 ? "a" : "b") + i / 2)); // bound before the phones take ephemeral ports
                }
            }
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            java.io.BufferedReader from = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII));
            java.io.PrintStream to = new java.io.PrintStream(process.getOutputStream(), true, java.nio.charset.StandardCharsets.US_ASCII);
            String[] ports = expect(from, "ports");
            java.util.Set<Integer> phonePorts = new java.util.HashSet<>();
            java.util.Set<Integer> enginePorts = new java.util.HashSet<>();
            for (String port : ports) {
                phonePorts.add(Integer.parseInt(port));
            }
            if (engine != null) {
                StringBuilder targets = new StringBuilder("targets");
                for (int i = 0; i < calls; i++) {
                    MediaLeg la = legs.get(2 * i);
                    MediaLeg lb = legs.get(2 * i + 1);
                    la.answer(Phone.offer(Integer.parseInt(ports[2 * i])));
                    lb.answer(Phone.offer(Integer.parseInt(ports[2 * i + 1])));
                    engine.bridge(la, lb);
                }
                for (MediaLeg leg : legs) {
                    targets.append(' ').append(leg.localPort());
                    enginePorts.add(leg.localPort());
                    enginePorts.add(leg.localPort() + 1);
                }
                to.println(targets);
            }
            String[] announced = expect(from, "window");
            long windowStart = Long.parseLong(announced[0]);
            long windowEnd = Long.parseLong(announced[1]);
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            sleepUntil(windowStart);
            long ioCpu0 = threadCpu(threads, "sangdam-rtp-io");
            long ioUser0 = threadUser(threads, "sangdam-rtp-io");
            long cpu0 = os.getProcessCpuTime();
            long[] machine0 = machineJiffies();
            long[] drops0 = udpDrops(enginePorts, phonePorts);
            MediaStats stats0 = engine == null ? null : engine.stats();
            sleepUntil(windowEnd);
            long ioCpu1 = threadCpu(threads, "sangdam-rtp-io");
            long ioUser1 = threadUser(threads, "sangdam-rtp-io");
            long cpu1 = os.getProcessCpuTime();
            long[] machine1 = machineJiffies();
            long[] drops1 = udpDrops(enginePorts, phonePorts);
            MediaStats stats1 = engine == null ? null : engine.stats();
            String[] r = expect(from, "result");
            process.waitFor();

            long sent = Long.parseLong(r[0]);
            long received = Long.parseLong(r[1]);
            double window = (windowEnd - windowStart) / 1e9;
            long lost = Math.max(0, sent - received);
            long scheduled = Math.round(2L * calls * 50 * window);
            double processCpu = 100.0 * (cpu1 - cpu0) / 1e9 / window;
            double phonesCpu = Double.parseDouble(r[9]);
            boolean proc = machine0 != null && machine1 != null;
            double softirq = proc ? (machine1[1] - machine0[1]) / window : 0;
            String softirqText = proc ? String.format(Locale.ROOT, "%.0f", softirq) : "-";
            String others = proc ? String.format(Locale.ROOT, "%.0f",
                    Math.max(0, (machine1[0] - machine0[0]) / window - processCpu - phonesCpu - softirq)) : "-";
            String name = engine != null ? "relay" : "direct (no engine)";
            String io = engine != null ? String.format(Locale.ROOT, "%.0f (%.0f)", 100.0 * (ioCpu1 - ioCpu0) / 1e9 / window,
                    100.0 * (ioUser1 - ioUser0) / 1e9 / window) : "-";
            String engineDrops = engine != null && drops0 != null && drops1 != null ? Long.toString(drops1[0] - drops0[0]) : "-";
            String phoneDrops = drops0 != null && drops1 != null ? Long.toString(drops1[1] - drops0[1]) : "-";
            String engineReceived = stats1 != null ? Long.toString(stats1.packetsReceived() - stats0.packetsReceived()) : "-";
            String engineRelayed = stats1 != null ? Long.toString(stats1.packetsRelayed() - stats0.packetsRelayed()) : "-";
            // the I/O threads' CPU per packet they received (and relayed): what one packet costs the engine
            String perPacket = stats1 != null && stats1.packetsReceived() > stats0.packetsReceived()
                    ? String.format(Locale.ROOT, "%.1f", (ioCpu1 - ioCpu0) / 1000.0 / (stats1.packetsReceived() - stats0.packetsReceived())) : "-";
            if (stats1 != null) {
                System.err.printf(Locale.ROOT, "  [%d calls] engine: %d dropped in the window; phones' send failures %s%n", calls,
                        stats1.packetsDropped() - stats0.packetsDropped(), r[2]);
            }
            return String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %d | %.4f | %s | %s | %s | %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %s | %s | %.0f | %.0f | %s | %s |%n",
                    name, calls, sent, 100.0 * sent / scheduled, lost, sent == 0 ? 0 : 100.0 * lost / sent, engineDrops, phoneDrops,
                    engineReceived, engineRelayed, Long.parseLong(r[3]) / 1000.0, Long.parseLong(r[4]) / 1000.0,
                    Long.parseLong(r[5]) / 1000.0, Long.parseLong(r[6]) / 1000.0, Double.parseDouble(r[7]) / 1e6,
                    Double.parseDouble(r[8]) / 1e6, io, perPacket, processCpu, phonesCpu, softirqText, others);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            for (MediaLeg leg : legs) {
                leg.close();
            }
        }
    }

    private static String[] expect(java.io.BufferedReader from, String word) throws IOException {
        String line = from.readLine();
        if (line == null || !(line.equals(word) || line.startsWith(word + " "))) {
            throw new IllegalStateException("the phones' process said '" + line + "', expected '" + word + " …'");
        }
        String rest = line.substring(word.length()).trim();
        return rest.isEmpty() ? new String[0] : rest.split(" ");
    }

    /**
     * The kernel's receive-buffer drops (last column of {@code /proc/net/udp}), summed over the
     * engine's and over the phones' sockets; null without /proc.
     */
    private static long[] udpDrops(java.util.Set<Integer> enginePorts, java.util.Set<Integer> phonePorts) {
        try {
            long engine = 0;
            long phones = 0;
            List<String> lines = Files.readAllLines(Path.of("/proc/net/udp"));
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).trim().split("\\s+");
                if (f.length < 13) {
                    continue;
                }
                String local = f[1];
                if (!local.startsWith("0100007F:")) {
                    continue;
                }
                int port = Integer.parseInt(local.substring(9), 16);
                long drops = Long.parseLong(f[12]);
                if (enginePorts.contains(port)) {
                    engine += drops;
                } else if (phonePorts.contains(port)) {
                    phones += drops;
                }
            }
            return new long[]{engine, phones};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String sysctl(String name) {
        try {
            return Files.readAllLines(Path.of("/proc/sys", name)).get(0).trim(); // readString cuts /proc files short
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** Sends each phone's packet in its 1 ms slot of every 20 ms. */
    private static void send(List<List<Phone>> slots, long start, long windowStart, long windowEnd) {
        ByteBuffer packet = ByteBuffer.allocateDirect(12 + 160);
        byte[] silence = new byte[160 - 8];
        java.util.Arrays.fill(silence, (byte) 0xFF);
        long slotNanos = FRAME_NANOS / SLOTS;
        for (long k = 0; ; k++) {
            long due = start + k * slotNanos;
            if (due >= windowEnd) {
                return;
            }
            sleepUntil(due);
            for (Phone p : slots.get((int) (k % SLOTS))) {
                long now = System.nanoTime();
                packet.clear();
                packet.put((byte) 0x80).put((byte) 0).putShort((short) p.seq).putInt((int) p.ts).putInt(p.ssrc);
                packet.putLong(now).put(silence);
                packet.flip();
                p.seq = (p.seq + 1) & 0xFFFF;
                p.ts = (p.ts + 160) & 0xFFFFFFFFL;
                try {
                    if (p.channel.send(packet, p.target) == 0) {
                        p.sendFailures++;
                        continue;
                    }
                } catch (IOException e) {
                    p.sendFailures++;
                    continue;
                }
                if (now >= windowStart && now < windowEnd) {
                    p.sentInWindow++;
                }
            }
        }
    }

    /** Reads every phone's socket; counts and times packets sent within the window. */
    static final class Receiver implements Runnable {
        final List<Phone> phones;
        final long windowStart;
        final long windowEnd;
        final Histogram histogram;
        final boolean playback;
        volatile boolean stop;
        long packets;

        Receiver(List<Phone> phones, long windowStart, long windowEnd, Histogram histogram, boolean playback) {
            this.phones = phones;
            this.windowStart = windowStart;
            this.windowEnd = windowEnd;
            this.histogram = histogram;
            this.playback = playback;
        }

        @Override
        public void run() {
            ByteBuffer in = ByteBuffer.allocateDirect(2048);
            try (Selector selector = Selector.open()) {
                for (Phone p : phones) {
                    p.channel.register(selector, SelectionKey.OP_READ, p);
                }
                while (!stop) {
                    selector.select(key -> {
                        Phone p = (Phone) key.attachment();
                        in.clear(); // one per wake-up: the selector reports the socket again if more wait
                        try {
                            if (p.channel.receive(in) == null) {
                                return;
                            }
                        } catch (IOException e) {
                            return;
                        }
                        long now = System.nanoTime();
                        in.flip();
                        if (in.limit() < 20) {
                            return;
                        }
                        if (playback) {
                            played(p, in, now);
                        } else {
                            relayed(p, in, now);
                        }
                    }, 100);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private void relayed(Phone p, ByteBuffer in, long now) {
            long sentAt = in.getLong(12);
            if (sentAt < windowStart || sentAt >= windowEnd) {
                return;
            }
            p.receivedInWindow++;
            histogram.add((now - sentAt) / 1000);
            long transit = now - sentAt;
            if (p.lastTransit != Long.MIN_VALUE) {
                long d = Math.abs(transit - p.lastTransit);
                p.jitterNanos += (d - p.jitterNanos) / 16.0;
            }
            p.lastTransit = transit;
        }

        private void played(Phone p, ByteBuffer in, long now) {
            if (now < windowStart || now >= windowEnd) {
                p.lastArrival = 0;
                return;
            }
            packets++;
            long rtpTs = in.getInt(4) & 0xFFFFFFFFL;
            if (p.lastArrival != 0) {
                histogram.add((now - p.lastArrival) / 1000);
                long tsDelta = ((rtpTs - p.lastRtpTs) & 0xFFFFFFFFL) * 125_000L; // 8 kHz units to ns
                long d = Math.abs((now - p.lastArrival) - tsDelta);
                p.jitterNanos += (d - p.jitterNanos) / 16.0;
            }
            p.lastArrival = now;
            p.lastRtpTs = rtpTs;
        }
    }

    // ------------------------------------------------------------------ playback

    private static String playback(int legCount, int seconds, int warmup, MediaSettings settings, int ioThreads) throws Exception {
        RtpMediaEngine engine = new RtpMediaEngine(settings, ioThreads);
        List<Phone> phones = new ArrayList<>();
        try {
            var music = Prompts.defaultMusicOnHold();
            long start = System.nanoTime();
            long windowStart = start + warmup * 1_000_000_000L;
            long windowEnd = windowStart + seconds * 1_000_000_000L;
            Histogram interArrival = new Histogram();
            for (int i = 0; i < legCount; i++) {
                Phone p = new Phone(i + 1);
                phones.add(p);
            }
            Receiver receiver = new Receiver(phones, windowStart, windowEnd, interArrival, true);
            Thread rx = new Thread(receiver, "bench-receiver");
            rx.setDaemon(true);
            rx.start();
            for (Phone p : phones) {
                MediaLeg leg = engine.openLeg("play");
                leg.answer(p.offer());
                leg.play(music, true, null);
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            sleepUntil(windowStart);
            long tickerCpu0 = threadCpu(threads, "sangdam-rtp-ticker");
            sleepUntil(windowEnd);
            long tickerCpu1 = threadCpu(threads, "sangdam-rtp-ticker");
            receiver.stop = true;
            rx.join();
            double jitterSum = 0;
            double jitterMax = 0;
            for (Phone p : phones) {
                jitterSum += p.jitterNanos;
                jitterMax = Math.max(jitterMax, p.jitterNanos);
            }
            double window = (windowEnd - windowStart) / 1e9;
            return String.format(Locale.ROOT, "| %d | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.0f |%n",
                    legCount, receiver.packets, interArrival.percentile(50) / 1000.0, interArrival.percentile(1) / 1000.0,
                    interArrival.percentile(99) / 1000.0, interArrival.max() / 1000.0, jitterSum / phones.size() / 1e6,
                    jitterMax / 1e6, 100.0 * (tickerCpu1 - tickerCpu0) / 1e9 / window);
        } finally {
            engine.close();
            for (Phone p : phones) {
                p.channel.close();
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Microsecond histogram, 1 µs buckets up to 2 s (one thread writes it). */
    static final class Histogram {
        private final long[] counts = new long[(int) HIST_MAX_MICROS + 1];
        private long total;
        private long max;

        void add(long micros) {
            int bucket = (int) Math.max(0, Math.min(HIST_MAX_MICROS, micros));
            counts[bucket]++;
            total++;
            max = Math.max(max, micros);
        }

        long percentile(double p) {
            if (total == 0) {
                return 0;
            }
            long rank = (long) Math.ceil(p / 100.0 * total);
            long seen = 0;
            for (int i = 0; i < counts.length; i++) {
                seen += counts[i];
                if (seen >= rank) {
                    return i;
                }
            }
            return HIST_MAX_MICROS;
        }

        long max() {
            return max;
        }
    }

    /**
     * Busy jiffies of the whole machine (all CPUs, /proc/stat; USER_HZ = 100), so the figures can
     * say how much of the machine other processes took during a run. Null where there is no /proc.
     */
    private static long[] machineJiffies() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) { // user .. steal (guest is inside user)
                if (i != 4 && i != 5) { // idle and iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return new long[]{busy, Long.parseLong(f[7])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** User time of the thread {@code name}, or summed over {@code name-1}, {@code name-2}, … */
    private static long threadUser(ThreadMXBean threads, String name) {
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().equals(name) || info.getThreadName().startsWith(name + "-"))) {
                sum += threads.getThreadUserTime(info.getThreadId());
            }
        }
        return sum;
    }

    /** CPU time of the thread {@code name}, or summed over {@code name-1}, {@code name-2}, … */
    private static long threadCpu(ThreadMXBean threads, String name) {
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().equals(name) || info.getThreadName().startsWith(name + "-"))) {
                sum += threads.getThreadCpuTime(info.getThreadId());
            }
        }
        return sum;
    }

    private static void sleepUntil(long deadline) {
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private static int[] ints(String csv) {
        String[] parts = csv.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Integer.parseInt(parts[i].trim());
        }
        return out;
    }

    private static String gcNames() {
        List<String> names = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            names.add(gc.getName());
        }
        return String.join("/", names);
    }

    private MediaBench() {
    }
}
