package org.sangdam.it.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SIPp (Debian {@code sip-tester}) running one scenario from
 * {@code src/test/resources/sipp} once against the server: {@code -s} is the
 * extension ([service]), {@code -au/-ap} the digest credentials. SIPp fails the
 * call (exit code 1) on any response the scenario does not expect; the message
 * trace lets a test look at what the server sent.
 */
final class Sipp {
    private static final Path SCENARIOS = Path.of(System.getProperty("sangdam.it.sippDir", "src/test/resources/sipp"));
    private static final Pattern BLOCK_HEADER = Pattern.compile("^(UDP|TCP) message (received|sent)", Pattern.MULTILINE);

    private final List<String> args = new ArrayList<>();
    private final String scenario;
    private String service = "probe";
    private String transport = "u1";
    private String localAddress = SipPeers.HOST;
    private int localPort;
    private int timeoutSeconds = 20;
    /** the running scenario's message trace, once it started */
    private volatile Path trace;

    private Sipp(String scenario) {
        this.scenario = scenario;
    }

    static Sipp scenario(String name) {
        return new Sipp(name);
    }

    /** the extension the scenario speaks for ([service] in the scenario) */
    Sipp as(String extension) {
        this.service = extension;
        return this;
    }

    Sipp credentials(String user, String password) {
        args.addAll(List.of("-au", user, "-ap", password));
        return this;
    }

    /** a [name] keyword of the scenario */
    Sipp key(String name, String value) {
        args.addAll(List.of("-key", name, value));
        return this;
    }

    /**
     * Sends from another loopback address (e.g. 127.0.0.2: all of 127/8 is the loopback
     * interface on Linux), to be a source that no trunk allows.
     */
    Sipp from(String loopbackAddress) {
        this.localAddress = loopbackAddress;
        return this;
    }

    /** listens on this port (for scenarios where SIPp is the called party) */
    Sipp port(int port) {
        this.localPort = port;
        return this;
    }

    /** runs the scenario in the background, e.g. as the called party while the test places the call */
    java.util.concurrent.CompletableFuture<Result> start() {
        return java.util.concurrent.CompletableFuture.supplyAsync(this::run);
    }

    /** how long the whole scenario may take (20 s unless told), e.g. for a phone that waits for a call the test places */
    Sipp within(java.time.Duration limit) {
        this.timeoutSeconds = (int) Math.max(1, limit.toSeconds());
        return this;
    }

    Sipp overTcp() {
        this.transport = "t1";
        return this;
    }

    Result run() {
        String binary = SipPeers.program("sipp", "sip-tester");
        Path file = SCENARIOS.resolve(scenario + ".xml").toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("no SIPp scenario " + file);
        }
        Path dir = SipPeers.workDir("sipp-" + scenario);
        Path messages = dir.resolve("messages.log");
        trace = messages;
        Path errors = dir.resolve("errors.log");
        List<String> command = new ArrayList<>(List.of(binary, SipPeers.HOST + ":" + SipPeers.SERVER_PORT,
                "-sf", file.toString(), "-s", service, "-t", transport,
                "-i", localAddress, "-mi", localAddress, "-mp", Integer.toString(SipPeers.ports(4)), "-p", Integer.toString(localPort > 0 ? localPort : SipPeers.ports(2)),
                "-m", "1", "-nostdin", "-timeout", timeoutSeconds + "s", "-timeout_error", "-recv_timeout", "8000",
                "-trace_msg", "-message_file", messages.toString(), "-trace_err", "-error_file", errors.toString()));
        command.addAll(args);
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("sipp.out").toFile()).start();
            if (!process.waitFor(timeoutSeconds + 20L, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("SIPp " + scenario + " did not finish in " + (timeoutSeconds + 20) + " s");
            }
            return new Result(scenario, process.exitValue(), read(messages), read(errors) + read(dir.resolve("sipp.out")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * While a scenario started with {@link #start()} runs: whether SIPp has sent or received a
     * message whose first line starts so yet ({@code "INVITE sip:"}, {@code "SIP/2.0 180"}).
     */
    boolean hasTraced(String firstLine) {
        Path file = trace;
        try {
            return file != null && Files.exists(file) && Files.readString(file).lines().anyMatch(l -> l.startsWith(firstLine));
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    /** how a SIPp run ended: exit 0 means every message the scenario expected came */
    record Result(String scenario, int exitCode, String messages, String diagnostics) {
        boolean passed() {
            return exitCode == 0;
        }

        /** the SIP messages SIPp received, in order */
        List<String> received() {
            List<String> found = new ArrayList<>();
            Matcher m = BLOCK_HEADER.matcher(messages);
            List<int[]> starts = new ArrayList<>();
            while (m.find()) {
                starts.add(new int[]{m.start(), m.group(2).equals("received") ? 1 : 0});
            }
            for (int i = 0; i < starts.size(); i++) {
                int from = starts.get(i)[0];
                int to = i + 1 < starts.size() ? starts.get(i + 1)[0] : messages.length();
                if (starts.get(i)[1] == 1) {
                    String block = messages.substring(from, to);
                    int body = block.indexOf('\n');
                    String text = block.substring(body + 1).strip();
                    int separator = text.lastIndexOf("\n-----");
                    found.add(separator > 0 ? text.substring(0, separator).strip() : text);
                }
            }
            return found;
        }

        /** the last received response */
        String lastResponse() {
            List<String> all = received().stream().filter(r -> r.startsWith("SIP/2.0")).toList();
            return all.isEmpty() ? "" : all.getLast();
        }

        /**
         * The values of a header in the last response (e.g. "Contact"), one per value: a
         * server may put several in one line separated by commas (RFC 3261 §7.3.1).
         */
        List<String> lastResponseHeaders(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return lastResponse().lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .flatMap(l -> splitValues(l.substring(prefix.length())).stream()).toList();
        }

        /** splits at commas outside <…> and "…" */
        private static List<String> splitValues(String line) {
            List<String> values = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            boolean inAngle = false;
            boolean inQuote = false;
            for (char c : line.toCharArray()) {
                if (c == '"') {
                    inQuote = !inQuote;
                } else if (c == '<' && !inQuote) {
                    inAngle = true;
                } else if (c == '>' && !inQuote) {
                    inAngle = false;
                } else if (c == ',' && !inAngle && !inQuote) {
                    values.add(current.toString().trim());
                    current.setLength(0);
                    continue;
                }
                current.append(c);
            }
            if (!current.toString().isBlank()) {
                values.add(current.toString().trim());
            }
            return values;
        }

        @Override
        public String toString() {
            return "SIPp " + scenario + " exit " + exitCode + "\n" + diagnostics + "\n" + messages;
        }
    }
}
