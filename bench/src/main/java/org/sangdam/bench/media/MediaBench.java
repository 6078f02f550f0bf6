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
 * <p>Options ({@code -Dbench.media.<name>}): {@code pairs} (100,500,1000), {@code seconds}
 * (20 measured per run), {@code warmup} (5 s, not measured), {@code senders} (2),
 * {@code direct} (1000; pairs of the direct baseline run, 0 skips), {@code play} (1000 legs, 0 skips),
 * {@code out} (a Markdown file for the figures).
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

        StringBuilder md = new StringBuilder();
        md.append("Media relay benchmark ").append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
                .append(", JVM ").append(System.getProperty("java.vm.version")).append(", GC ")
                .append(gcNames()).append(", ").append(Runtime.getRuntime().availableProcessors()).append(" CPUs\n\n");
        md.append("| run | calls | streams | packets sent | lost | loss % | latency p50 ms | p99 ms | p99.9 ms | max ms | jitter mean ms | jitter max ms | relay thread CPU % (user) | process CPU % | softirq % | other processes CPU % | send failures |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        System.out.print(md);
        if (direct > 0) {
            String row = relay(direct, seconds, warmup, senders, false);
            System.out.print(row);
            md.append(row);
        }
        for (int n : pairs) {
            String row = relay(n, seconds, warmup, senders, true);
            System.out.print(row);
            md.append(row);
        }
        if (play > 0) {
            md.append("\nPlayback (looping music to each leg, the engine's 20 ms ticker):\n\n");
            md.append("| legs | packets | inter-arrival p50 ms | p1 ms | p99 ms | max ms | RFC 3550 jitter mean ms | max ms | ticker thread CPU % |\n");
            md.append("|---|---|---|---|---|---|---|---|---|\n");
            String row = playback(play, seconds, warmup);
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
            return "v=0\r\no=bench 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio " + port() + " RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n";
        }
    }

    private static String relay(int calls, int seconds, int warmup, int senderThreads, boolean throughEngine) throws Exception {
        RtpMediaEngine engine = throughEngine ? new RtpMediaEngine(new MediaSettings("127.0.0.1", 20000, 29999)) : null;
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

    private static String playback(int legCount, int seconds, int warmup) throws Exception {
        RtpMediaEngine engine = new RtpMediaEngine(new MediaSettings("127.0.0.1", 20000, 29999));
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

    private static long threadUser(ThreadMXBean threads, String name) {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().equals(name)) {
                return threads.getThreadUserTime(info.getThreadId());
            }
        }
        return 0;
    }

    private static long threadCpu(ThreadMXBean threads, String name) {
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().equals(name)) {
                return threads.getThreadCpuTime(info.getThreadId());
            }
        }
        return 0;
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
