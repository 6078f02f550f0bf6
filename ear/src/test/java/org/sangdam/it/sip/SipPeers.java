package org.sangdam.it.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the SIP peers of the tests live: the server's SIP port (5060 + the
 * WildFly port offset, so several test builds can run side by side), loopback
 * ports for the peers derived from the same offset, and a working directory per
 * peer under {@code target/sip-peers}.
 */
final class SipPeers {
    static final String HOST = "127.0.0.1";
    static final int OFFSET = offset();
    static final int SERVER_PORT = 5060 + OFFSET;
    /** peers take ports from here upwards: 21000 at offset 100, clear of 5060+ and of other builds' peers */
    /** 20000 + 10 × offset, or {@code sangdam.it.peerPortBase} when large offsets would collide with another build's RTP range */
    private static final AtomicInteger NEXT_PORT = new AtomicInteger(Integer.getInteger("sangdam.it.peerPortBase", 20_000 + OFFSET * 10));
    private static final AtomicInteger NEXT_DIR = new AtomicInteger();
    private static final Path ROOT = Path.of("target", "sip-peers");

    private SipPeers() {
    }

    private static int offset() {
        String v = System.getProperty("sangdam.it.portOffset", "100");
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    /** {@code count} consecutive loopback ports for one peer */
    static int ports(int count) {
        return NEXT_PORT.getAndAdd(count);
    }

    static Path workDir(String name) {
        Path dir = ROOT.resolve(name + "-" + NEXT_DIR.incrementAndGet()).toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** the absolute path of a program on the PATH; fails the test (not skips) when it is not installed */
    static String program(String name, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError(name + " is not installed: apt-get install " + debianPackage + " (.ci/run installs it)");
    }
}
