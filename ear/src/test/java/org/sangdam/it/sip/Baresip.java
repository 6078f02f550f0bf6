package org.sangdam.it.sip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * A real softphone: baresip 1.0 (Debian {@code baresip-core}) running headless
 * with its own config directory, controlled over {@code ctrl_tcp} (netstrings of
 * JSON, one client at a time, so commands and events share this one socket).
 * Used as an agent phone registering with Sangdam's registrar.
 */
final class Baresip implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START = Duration.ofSeconds(15);

    final String name;
    final int sipPort;
    final Path dir;
    private final Process process;
    private final Socket control;
    private final OutputStream out;
    private final BlockingQueue<JsonNode> responses = new LinkedBlockingQueue<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger tokens = new AtomicInteger();

    private Baresip(String name, int sipPort, Path dir, Process process, Socket control) throws IOException {
        this.name = name;
        this.sipPort = sipPort;
        this.dir = dir;
        this.process = process;
        this.control = control;
        this.out = control.getOutputStream();
        Thread reader = new Thread(this::readControl, "baresip-ctrl-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts baresip with one account, e.g.
     * {@code <sip:1001@127.0.0.1:5160>;auth_pass=secret;regint=60}, and connects to its control port.
     */
    static Baresip start(String name, String account) {
        return start(name, account, 1000, false);
    }

    /**
     * As above, sending a sine of {@code toneHz} as its microphone, and with
     * {@code record} writing what it receives to {@code dump-*-dec.wav} (8 kHz
     * 16-bit) in its directory, for the audio checks.
     */
    static Baresip start(String name, String account, int toneHz, boolean record) {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(name, account, toneHz, record);
            } catch (IllegalStateException e) {
                // another build's peers may hold a port of our range: take the next ports
                if (attempt == 3 || !String.valueOf(e.getMessage()).contains("Address already in use")) {
                    throw e;
                }
            }
        }
    }

    private static Baresip startOnce(String name, String account, int toneHz, boolean record) {
        String binary = SipPeers.program("baresip", "baresip-core");
        int ports = SipPeers.ports(24); // SIP, SIP+1 (its TLS listener), control, RTP range
        int sipPort = ports;
        int ctrlPort = ports + 2;
        Path dir = SipPeers.workDir("baresip-" + name);
        try {
            Files.writeString(dir.resolve("config"), String.join("\n",
                    "poll_method\tepoll",
                    "sip_listen\t" + SipPeers.HOST + ":" + sipPort,
                    "net_interface\t" + SipPeers.HOST,
                    "rtp_ports\t" + (ports + 4) + "-" + (ports + 23),
                    "audio_source\tausine," + toneHz,
                    "audio_player\taubridge,sink" + sipPort,
                    "ausrc_srate\t48000",
                    "ausrc_channels\t2",
                    "module_path\t/usr/lib/baresip/modules",
                    "module\tg711.so",
                    "module\tausine.so",
                    "module\taubridge.so",
                    record ? "module\tsndfile.so\nsnd_path\t" + dir : "",
                    "module_app\taccount.so",
                    "module_app\tmenu.so",
                    "module_app\tctrl_tcp.so",
                    "ctrl_tcp_listen\t" + SipPeers.HOST + ":" + ctrlPort,
                    ""));
            Files.writeString(dir.resolve("accounts"), account + "\n");
            Process process = new ProcessBuilder(binary, "-f", dir.toString())
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("baresip.log").toFile())
                    .start();
            Socket[] socket = new Socket[1];
            try {
                await("baresip " + name + " control port").atMost(START).pollInterval(Duration.ofMillis(100)).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("baresip exited: " + log(dir));
                    }
                    try {
                        Socket s = new Socket();
                        s.connect(new InetSocketAddress(SipPeers.HOST, ctrlPort), 500);
                        socket[0] = s;
                        return true;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
            } catch (RuntimeException e) {
                process.destroyForcibly();
                throw e;
            }
            return new Baresip(name, sipPort, dir, process, socket[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** one ctrl_tcp command; returns the response's {@code data} text */
    synchronized String command(String command, String params) {
        String token = name + "-" + tokens.incrementAndGet();
        try {
            var message = JSON.createObjectNode().put("command", command).put("token", token);
            if (params != null) {
                message.put("params", params);
            }
            byte[] json = JSON.writeValueAsBytes(message);
            out.write((json.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.write(json);
            out.write(',');
            out.flush();
            while (true) {
                JsonNode response = responses.poll(10, TimeUnit.SECONDS);
                if (response == null) {
                    throw new AssertionError("baresip " + name + " did not answer '" + command + "'; log:\n" + log(dir));
                }
                if (token.equals(response.path("token").asText())) {
                    return response.path("data").asText("");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** baresip's own view of its registration, without the terminal colours: e.g. "sip:1001@… OK Sangdam Expires 60s" */
    String reginfo() {
        return command("reginfo", null).replaceAll("\u001B\\[[;\\d]*m", "");
    }

    /** waits until baresip reports its registration OK */
    void awaitRegistered() {
        await("baresip " + name + " registered").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> reginfo().matches("(?s).*\\bOK\\b.*"));
    }

    /** waits until baresip reports its registration failed (ERR) */
    void awaitRefused() {
        await("baresip " + name + " refused").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> reginfo().matches("(?s).*\\bERR\\b.*"));
    }

    List<JsonNode> events() {
        return events;
    }

    /** waits for a call event of this type (e.g. CALL_ESTABLISHED, CALL_CLOSED) and returns it */
    JsonNode awaitEvent(String type, Duration within) {
        JsonNode[] found = new JsonNode[1];
        await("baresip " + name + " " + type).atMost(within).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (JsonNode e : events) {
                if (type.equals(e.path("type").asText())) {
                    found[0] = e;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    boolean saw(String type) {
        return events.stream().anyMatch(e -> type.equals(e.path("type").asText()));
    }

    /** forgets the events seen so far, so the next wait is for a new one */
    void clearEvents() {
        events.clear();
    }

    void dial(String uri) {
        command("dial", uri);
    }

    void hangUp() {
        command("hangup", null);
    }

    /** what baresip received in its calls: the sndfile module's decoded dumps, newest last */
    List<Path> receivedAudio() {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("dump-.*-dec\\.wav")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String log() {
        return log(dir);
    }

    static String log(Path dir) {
        try {
            Path file = dir.resolve("baresip.log");
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** quits baresip the way a user does: it unregisters, then exits */
    void quit() {
        if (process.isAlive()) {
            try {
                command("quit", null);
            } catch (RuntimeException | AssertionError alreadyGoing) {
                // the process may close the socket before answering
            }
            await("baresip " + name + " exit").atMost(Duration.ofSeconds(15)).until(() -> !process.isAlive());
        }
    }

    @Override
    public void close() {
        try {
            quit();
        } catch (RuntimeException e) {
            process.destroyForcibly();
        } finally {
            try {
                control.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private void readControl() {
        try (InputStream in = control.getInputStream()) {
            while (true) {
                int length = 0;
                int c;
                while ((c = in.read()) != ':') {
                    if (c < 0) {
                        return;
                    }
                    length = length * 10 + (c - '0');
                }
                byte[] body = in.readNBytes(length);
                if (in.read() != ',' || body.length != length) {
                    return;
                }
                JsonNode node = JSON.readTree(body);
                if (node.path("response").asBoolean(false)) {
                    responses.add(node);
                } else {
                    events.add(node);
                }
            }
        } catch (IOException closed) {
            // the control connection ends with baresip
        }
    }

    @Override
    public String toString() {
        return "baresip " + name + " on " + SipPeers.HOST + ":" + sipPort;
    }
}
