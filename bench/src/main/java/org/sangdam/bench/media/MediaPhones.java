package org.sangdam.bench.media;

import org.sangdam.bench.media.MediaBench.Histogram;
import org.sangdam.bench.media.MediaBench.Phone;
import org.sangdam.bench.media.MediaBench.Receiver;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The simulated phones of {@link MediaBench} in a process of their own, which the bench starts
 * at a lower CPU priority ({@code nice}), so the load generator does not take the engine's CPU
 * and the figures show the engine's own capacity. It talks to the bench over stdin/stdout,
 * one line each:
 * <ol>
 *   <li>out {@code ports p1 p2 …}: the phones' UDP ports (call i: phones 2i and 2i+1);</li>
 *   <li>in {@code targets t1 t2 …}: where each phone sends (its engine leg); not read with
 *       {@code direct}, where the two phones of a call send to each other;</li>
 *   <li>out {@code window <start> <end>}: the measured window in {@link System#nanoTime()}
 *       (CLOCK_MONOTONIC on Linux: the same clock in both processes);</li>
 *   <li>out {@code result …}: what the phones sent and received in the window, latency and
 *       jitter (see {@link #main}).</li>
 * </ol>
 * Arguments: calls, {@code relay} or {@code direct}, measured seconds, warm-up seconds, sender threads.
 */
public final class MediaPhones {
    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args[0]);
        boolean direct = args[1].equals("direct");
        int seconds = Integer.parseInt(args[2]);
        int warmup = Integer.parseInt(args[3]);
        int senders = Integer.parseInt(args[4]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.US_ASCII);
        System.setOut(System.err); // only protocol lines on stdout
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));

        List<Phone> phones = new ArrayList<>();
        StringBuilder ports = new StringBuilder("ports");
        for (int i = 0; i < 2 * calls; i++) {
            Phone p = new Phone(i + 1);
            phones.add(p);
            ports.append(' ').append(p.port());
        }
        out.println(ports);
        if (direct) {
            for (int i = 0; i < calls; i++) {
                Phone a = phones.get(2 * i);
                Phone b = phones.get(2 * i + 1);
                a.target = new InetSocketAddress("127.0.0.1", b.port());
                b.target = new InetSocketAddress("127.0.0.1", a.port());
            }
        } else {
            String line = in.readLine();
            if (line == null || !line.startsWith("targets ")) {
                throw new IllegalStateException("expected 'targets …', got " + line);
            }
            String[] t = line.substring("targets ".length()).trim().split(" ");
            if (t.length != phones.size()) {
                throw new IllegalStateException(t.length + " targets for " + phones.size() + " phones");
            }
            for (int i = 0; i < t.length; i++) {
                phones.get(i).target = new InetSocketAddress("127.0.0.1", Integer.parseInt(t[i]));
            }
        }

        long start = System.nanoTime() + 200_000_000L;
        long windowStart = start + warmup * 1_000_000_000L;
        long windowEnd = windowStart + seconds * 1_000_000_000L;
        out.println("window " + windowStart + " " + windowEnd);
        MediaBench.Measured m = MediaBench.measure(phones, start, windowStart, windowEnd, senders, () -> { });
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        out.println(String.format(Locale.ROOT, "result %d %d %d %d %d %d %d %.0f %.0f %.1f",
                m.sent(), m.received(), m.failures(), m.latency().percentile(50), m.latency().percentile(99),
                m.latency().percentile(99.9), m.latency().max(), m.jitterMeanNanos(), m.jitterMaxNanos(), m.cpuPercent()));
        for (Phone p : phones) {
            p.channel.close();
        }
        System.exit(0);
    }

    private MediaPhones() {
    }
}
