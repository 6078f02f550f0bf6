package org.sangdam.sip;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test peer that writes SIP by hand, so tests can send exactly the bytes they
 * mean, malformed ones included. Loopback only; every wait is a socket timeout.
 */
public final class RawSip implements AutoCloseable {
    private static final int TIMEOUT_MS = 5000;
    private final DatagramSocket udp;
    private final String serverHost;
    private final int serverPort;

    public RawSip(String serverHost, int serverPort) throws IOException {
        this.udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.udp.setSoTimeout(TIMEOUT_MS);
        this.serverHost = serverHost;
        this.serverPort = serverPort;
    }

    public int localPort() {
        return udp.getLocalPort();
    }

    /** the request text with {@code \n} line ends turned into CRLF and a Content-Length added */
    public static String message(String headWithoutContentLength) {
        String head = headWithoutContentLength.strip().replace("\r\n", "\n").replace("\n", "\r\n");
        return head + "\r\nContent-Length: 0\r\n\r\n";
    }

    /** sends over UDP without waiting for anything */
    public void send(String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        udp.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName(serverHost), serverPort));
    }

    /** the next final response received over UDP (provisional ones skipped), or null after the timeout */
    public Reply nextFinal() throws IOException {
        byte[] buffer = new byte[65536];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
            } catch (SocketTimeoutException e) {
                return null;
            }
            Reply reply = Reply.parse(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
            if (reply.status() >= 200) {
                return reply;
            }
        }
    }

    /**
     * sends over UDP and returns the first final response to it (provisional ones skipped, and
     * retransmitted answers to earlier requests, e.g. a 405 to an INVITE we never ACKed), or null
     * after the timeout
     */
    public Reply udp(String message) throws IOException {
        String callId = callId(message);
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        udp.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName(serverHost), serverPort));
        byte[] buffer = new byte[65536];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
            } catch (SocketTimeoutException e) {
                return null;
            }
            String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            Reply reply = Reply.parse(text);
            if (reply.status() >= 200 && callId(text).equals(callId)) {
                return reply;
            }
        }
    }

    /** the Call-ID line of a message, to tell which call a response belongs to */
    private static String callId(String message) {
        return message.lines().map(String::strip).filter(l -> l.regionMatches(true, 0, "Call-ID:", 0, 8))
                .findFirst().orElse("").replaceAll("\\s+", "");
    }

    /** sends over a new TCP connection and returns the first final response */
    public Reply tcp(String message) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(serverHost, serverPort), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            socket.getOutputStream().write(message.getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            StringBuilder text = new StringBuilder();
            byte[] buffer = new byte[8192];
            while (true) {
                int end = text.indexOf("\r\n\r\n");
                if (end >= 0) {
                    Reply reply = Reply.parse(text.substring(0, end + 4));
                    text.delete(0, end + 4);
                    if (reply.status() >= 200) {
                        return reply;
                    }
                    continue;
                }
                int n = in.read(buffer);
                if (n < 0) {
                    return null;
                }
                text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        }
    }

    public static String branch() {
        return "z9hG4bK" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    public static String callId() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + "@127.0.0.1";
    }

    /** a port free for both UDP and TCP on loopback right now */
    public static int freePort() throws IOException {
        for (int i = 0; i < 50; i++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = tcp.getLocalPort();
                try (DatagramSocket u = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
                    return port;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IOException("no free port on loopback");
    }

    @Override
    public void close() {
        udp.close();
    }

    /** a parsed response: status, reason and headers by lower-case name (compact forms not expanded) */
    public record Reply(int status, String reason, List<String[]> headers, String text) {
        private static final Pattern STATUS = Pattern.compile("SIP/2\\.0 (\\d{3}) ?(.*)", Pattern.DOTALL);

        static Reply parse(String text) {
            String[] lines = text.split("\r\n");
            Matcher m = STATUS.matcher(lines[0]);
            if (!m.matches()) {
                throw new IllegalStateException("not a response: " + text);
            }
            List<String[]> headers = new ArrayList<>();
            for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
                int colon = lines[i].indexOf(':');
                if (colon <= 0) {
                    continue; // JAIN-SIP's own 400 puts the parse error, line break included, in its reason phrase
                }
                headers.add(new String[]{lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim()});
            }
            return new Reply(Integer.parseInt(m.group(1)), m.group(2), headers, text);
        }

        public List<String> all(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            return headers.stream().filter(h -> h[0].equals(n)).map(h -> h[1]).toList();
        }

        public String header(String name) {
            List<String> all = all(name);
            return all.isEmpty() ? null : all.getFirst();
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
