package org.sangdam.media;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small, careful SDP (RFC 8866) reader for what audio offer/answer needs: the connection
 * address (session or media level), each {@code m=} line with its port, protocol and
 * formats, {@code a=rtpmap}, and the direction attribute (media level over session level).
 * Unknown lines are skipped; a line that is not {@code x=...} is refused, as is an
 * {@code m=} or {@code c=} line that does not parse.
 */
final class Sdp {
    enum Direction {
        SENDRECV, SENDONLY, RECVONLY, INACTIVE;

        static Direction parse(String attribute) {
            return switch (attribute) {
                case "sendrecv" -> SENDRECV;
                case "sendonly" -> SENDONLY;
                case "recvonly" -> RECVONLY;
                case "inactive" -> INACTIVE;
                default -> null;
            };
        }

        /** What the answerer says for this offered direction. */
        Direction answerTo() {
            return switch (this) {
                case SENDONLY -> RECVONLY;
                case RECVONLY -> SENDONLY;
                default -> this;
            };
        }

        /** The far end wants to receive media from us. */
        boolean farEndReceives() {
            return this == SENDRECV || this == RECVONLY;
        }

        String attribute() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One {@code m=} section. {@code connection} is null when neither the session nor the media gives one. */
    record Media(String type, int port, String proto, List<String> formats, String connection,
                 Map<Integer, String> rtpmap, Direction direction, String line) {

        /** The encoding name of a payload type: from rtpmap, or the static assignment (RFC 3551) for 0 and 8. */
        String encodingOf(int pt) {
            String map = rtpmap.get(pt);
            if (map != null) {
                return map;
            }
            return switch (pt) {
                case 0 -> "PCMU/8000";
                case 8 -> "PCMA/8000";
                default -> null;
            };
        }

        boolean rtpAvp() {
            return "RTP/AVP".equalsIgnoreCase(proto);
        }
    }

    record Session(List<Media> media) {
    }

    private Sdp() {
    }

    static Session parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty SDP");
        }
        String sessionConnection = null;
        Direction sessionDirection = null;
        List<Builder> media = new ArrayList<>();
        Builder current = null;
        boolean sawVersion = false;
        for (String raw : text.split("\r?\n|\r")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=') {
                throw new IllegalArgumentException("SDP line is not type=value: " + line);
            }
            char type = line.charAt(0);
            String value = line.substring(2).strip();
            switch (type) {
                case 'v' -> sawVersion = true;
                case 'm' -> {
                    current = new Builder(value);
                    media.add(current);
                }
                case 'c' -> {
                    String address = connectionAddress(value);
                    if (current == null) {
                        sessionConnection = address;
                    } else {
                        current.connection = address;
                    }
                }
                case 'a' -> {
                    int colon = value.indexOf(':');
                    String name = colon < 0 ? value : value.substring(0, colon);
                    String arg = colon < 0 ? "" : value.substring(colon + 1).strip();
                    Direction direction = Direction.parse(name.toLowerCase(Locale.ROOT));
                    if (direction != null) {
                        if (current == null) {
                            sessionDirection = direction;
                        } else {
                            current.direction = direction;
                        }
                    } else if (current != null && name.equalsIgnoreCase("rtpmap")) {
                        current.rtpmap(arg);
                    }
                }
                default -> {
                    // o=, s=, t=, b=, i=, k=... : not needed for audio offer/answer
                }
            }
        }
        if (!sawVersion) {
            throw new IllegalArgumentException("SDP without v= line");
        }
        List<Media> out = new ArrayList<>();
        for (Builder b : media) {
            out.add(b.build(sessionConnection, sessionDirection));
        }
        return new Session(List.copyOf(out));
    }

    /** "IN IP4 192.0.2.1" (or "IN IP4 224.2.1.1/127") to the address. */
    private static String connectionAddress(String value) {
        String[] parts = value.split("\\s+");
        if (parts.length < 3 || !parts[0].equalsIgnoreCase("IN")
                || !(parts[1].equalsIgnoreCase("IP4") || parts[1].equalsIgnoreCase("IP6"))) {
            throw new IllegalArgumentException("SDP c= line not understood: " + value);
        }
        String address = parts[2];
        int slash = address.indexOf('/');
        return slash < 0 ? address : address.substring(0, slash);
    }

    private static final class Builder {
        final String line;
        final String type;
        final int port;
        final String proto;
        final List<String> formats = new ArrayList<>();
        final Map<Integer, String> rtpmap = new HashMap<>();
        String connection;
        Direction direction;

        Builder(String value) {
            this.line = value;
            String[] parts = value.split("\\s+");
            if (parts.length < 3) {
                throw new IllegalArgumentException("SDP m= line not understood: " + value);
            }
            type = parts[0];
            String portField = parts[1];
            int slash = portField.indexOf('/');
            try {
                port = Integer.parseInt(slash < 0 ? portField : portField.substring(0, slash));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("SDP m= line with a bad port: " + value);
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("SDP m= line with a bad port: " + value);
            }
            proto = parts[2];
            for (int i = 3; i < parts.length; i++) {
                formats.add(parts[i]);
            }
        }

        void rtpmap(String arg) {
            String[] parts = arg.split("\\s+", 2);
            if (parts.length < 2) {
                return;
            }
            try {
                rtpmap.put(Integer.parseInt(parts[0]), parts[1].strip());
            } catch (NumberFormatException ignored) {
                // a malformed rtpmap only loses that format
            }
        }

        Media build(String sessionConnection, Direction sessionDirection) {
            Direction d = direction != null ? direction : sessionDirection != null ? sessionDirection : Direction.SENDRECV;
            return new Media(type, port, proto, List.copyOf(formats), connection != null ? connection : sessionConnection,
                    Map.copyOf(rtpmap), d, line);
        }
    }
}
