package org.sangdam.media;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/** One leg of {@link RtpMediaEngine}: an RTP/RTCP port pair, its negotiated codec and far end. */
final class RtpLeg implements MediaLeg {
    static final int KIND_NONE = 0;
    static final int KIND_PCMU = 1;
    static final int KIND_PCMA = 2;
    static final int KIND_EVENT = 3;
    /** The telephone-event payload type we offer. */
    static final int OFFER_EVENT_PT = 101;
    private static final char[] DIGITS = "0123456789*#ABCD".toCharArray();

    /**
     * The outcome of offer/answer. {@code remote} is where we send (null: no media, hold with
     * 0.0.0.0 or port 0); {@code latch}: the SDP address is private or unknown, so the first
     * source that sends to us is taken as the far end (see the package doc).
     */
    record Negotiated(Codec codec, int sendPt, int sendEventPt, int[] receiveKinds, InetSocketAddress remote,
                      boolean latch, boolean farEndReceives) {
        int kindOf(int pt) {
            return receiveKinds[pt & 0x7F];
        }
    }

    private final RtpMediaEngine engine;
    private final String label;
    /** which counters of {@link MediaStats} this leg's packets count in: 0 a customer's leg (label "customer ..."), 1 any other */
    final int side;
    private final int port;
    final DatagramChannel rtp;
    final DatagramChannel rtcp;
    final OutStream out;
    private final long sessionId;
    private int sdpVersion;

    volatile Negotiated negotiated;
    volatile InetSocketAddress latched;
    volatile RtpLeg peer;
    final AtomicReference<Playback> playback = new AtomicReference<>();
    private volatile IntConsumer digitListener;
    private volatile long lastPacketNanos;
    private final AtomicBoolean closed = new AtomicBoolean();
    volatile WavRecorder recorder;
    volatile CallRecording callRecording;
    volatile int callRecordingChannel;

    /** The I/O thread that reads this leg (the bridged leg's, once bridged). */
    volatile RtpMediaEngine.IoLoop io;
    // set by the I/O thread that reads this leg
    volatile SelectionKey rtpKey;
    volatile SelectionKey rtcpKey;

    // RFC 4733 de-duplication, I/O thread only: the (SSRC, timestamp) of recent events
    private final long[] recentEvents = new long[8];
    private int recentEventCount;
    private int recentEventNext;

    RtpLeg(RtpMediaEngine engine, String label, int port, DatagramChannel rtp, DatagramChannel rtcp) {
        this.engine = engine;
        this.label = label;
        this.side = label != null && label.startsWith("customer") ? 0 : 1;
        this.port = port;
        this.rtp = rtp;
        this.rtcp = rtcp;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.out = new OutStream(random.nextInt(), random.nextInt(1 << 16), random.nextLong() & OutStream.MASK32);
        this.sessionId = random.nextLong(1, 1L << 40);
        this.lastPacketNanos = System.nanoTime();
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String localAddress() {
        return engine.settings().address();
    }

    @Override
    public int localPort() {
        return port;
    }

    @Override
    public synchronized String answer(String remoteOfferSdp) {
        checkOpen();
        Sdp.Session offer = parse(remoteOfferSdp);
        int chosen = -1;
        Codec codec = null;
        int codecPt = -1;
        for (int i = 0; i < offer.media().size() && chosen < 0; i++) {
            Sdp.Media m = offer.media().get(i);
            if (!m.type().equalsIgnoreCase("audio") || !m.rtpAvp()) {
                continue;
            }
            for (String format : m.formats()) {
                int pt = payloadType(format);
                Codec c = pt < 0 ? null : codecOf(m.encodingOf(pt));
                if (c != null) {
                    chosen = i;
                    codec = c;
                    codecPt = pt;
                    break;
                }
            }
        }
        if (chosen < 0) {
            throw new NoCommonCodecException("the offer has no PCMU or PCMA audio over RTP/AVP: " + describe(offer));
        }
        Sdp.Media m = offer.media().get(chosen);
        int eventPt = eventPayloadType(m);
        int[] kinds = receiveKinds(m);
        kinds[codecPt] = codec == Codec.PCMU ? KIND_PCMU : KIND_PCMA;
        if (eventPt >= 0) {
            kinds[eventPt] = KIND_EVENT;
        }
        apply(codec, codecPt, eventPt, kinds, m);

        StringBuilder sdp = header();
        for (int i = 0; i < offer.media().size(); i++) {
            Sdp.Media o = offer.media().get(i);
            if (i != chosen) {
                // RFC 3264 6: a stream we do not take is answered with port 0
                sdp.append("m=").append(o.type()).append(" 0 ").append(o.proto()).append(' ')
                        .append(o.formats().isEmpty() ? "0" : o.formats().get(0)).append("\r\n");
                continue;
            }
            int answerPort = o.port() == 0 ? 0 : port;
            sdp.append("m=audio ").append(answerPort).append(" RTP/AVP ").append(codecPt);
            if (eventPt >= 0) {
                sdp.append(' ').append(eventPt);
            }
            sdp.append("\r\n");
            sdp.append("a=rtpmap:").append(codecPt).append(' ').append(codec.name()).append("/8000\r\n");
            if (eventPt >= 0) {
                sdp.append("a=rtpmap:").append(eventPt).append(" telephone-event/8000\r\n");
                sdp.append("a=fmtp:").append(eventPt).append(" 0-15\r\n");
            }
            sdp.append("a=ptime:20\r\n");
            sdp.append("a=").append(o.direction().answerTo().attribute()).append("\r\n");
        }
        return sdp.toString();
    }

    @Override
    public synchronized String offer() {
        checkOpen();
        StringBuilder sdp = header();
        sdp.append("m=audio ").append(port).append(" RTP/AVP 0 8 ").append(OFFER_EVENT_PT).append("\r\n");
        sdp.append("a=rtpmap:0 PCMU/8000\r\n");
        sdp.append("a=rtpmap:8 PCMA/8000\r\n");
        sdp.append("a=rtpmap:").append(OFFER_EVENT_PT).append(" telephone-event/8000\r\n");
        sdp.append("a=fmtp:").append(OFFER_EVENT_PT).append(" 0-15\r\n");
        sdp.append("a=ptime:20\r\n");
        sdp.append("a=sendrecv\r\n");
        return sdp.toString();
    }

    @Override
    public synchronized void answered(String remoteAnswerSdp) {
        checkOpen();
        Sdp.Session answer = parse(remoteAnswerSdp);
        Sdp.Media audio = answer.media().isEmpty() ? null : answer.media().get(0);
        if (audio == null || !audio.type().equalsIgnoreCase("audio") || !audio.rtpAvp()) {
            throw new NoCommonCodecException("the answer has no RTP/AVP audio stream first: " + describe(answer));
        }
        Codec codec = null;
        int codecPt = -1;
        for (String format : audio.formats()) {
            int pt = payloadType(format);
            Codec c = pt < 0 ? null : codecOf(audio.encodingOf(pt));
            if (c != null) {
                codec = c;
                codecPt = pt;
                break;
            }
        }
        if (codec == null) {
            throw new NoCommonCodecException("the answer picked neither PCMU nor PCMA: " + describe(answer));
        }
        int eventPt = eventPayloadType(audio);
        int[] kinds = receiveKinds(audio);
        kinds[codecPt] = codec == Codec.PCMU ? KIND_PCMU : KIND_PCMA;
        kinds[OFFER_EVENT_PT] = KIND_EVENT;
        if (eventPt >= 0) {
            kinds[eventPt] = KIND_EVENT;
        }
        apply(codec, codecPt, eventPt, kinds, audio);
    }

    private void apply(Codec codec, int codecPt, int eventPt, int[] kinds, Sdp.Media m) {
        InetSocketAddress remote = null;
        boolean latch = false;
        String address = m.connection();
        if (m.port() != 0 && address != null && !isUnspecified(address)) {
            try {
                InetAddress ip = InetAddress.getByName(address);
                remote = new InetSocketAddress(ip, m.port());
                latch = shouldLatch(ip);
            } catch (UnknownHostException e) {
                latch = true; // unknown address: latch to the first source
            }
        }
        Negotiated previous = negotiated;
        if (previous == null || !java.util.Objects.equals(previous.remote(), remote)) {
            latched = null;
        }
        negotiated = new Negotiated(codec, codecPt, eventPt, kinds, remote, latch, m.direction().farEndReceives());
    }

    /** RFC 1918, RFC 6598 shared (CGNAT) and link-local addresses: the far end is probably behind NAT. */
    static boolean shouldLatch(InetAddress ip) {
        if (ip.isSiteLocalAddress() || ip.isLinkLocalAddress()) {
            return true;
        }
        if (ip instanceof Inet4Address) {
            byte[] b = ip.getAddress();
            return (b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64;
        }
        byte[] b = ip.getAddress();
        return (b[0] & 0xFE) == 0xFC; // IPv6 unique local fc00::/7
    }

    private static boolean isUnspecified(String address) {
        return address.equals("0.0.0.0") || address.equals("::") || address.equals("0:0:0:0:0:0:0:0");
    }

    private static Sdp.Session parse(String text) {
        try {
            return Sdp.parse(text);
        } catch (IllegalArgumentException e) {
            throw new NoCommonCodecException("SDP not understood: " + e.getMessage());
        }
    }

    private static int[] receiveKinds(Sdp.Media m) {
        int[] kinds = new int[128];
        kinds[0] = KIND_PCMU;
        kinds[8] = KIND_PCMA;
        for (String format : m.formats()) {
            int pt = payloadType(format);
            if (pt < 0) {
                continue;
            }
            String encoding = m.encodingOf(pt);
            Codec c = codecOf(encoding);
            if (c != null) {
                kinds[pt] = c == Codec.PCMU ? KIND_PCMU : KIND_PCMA;
            } else if (isEvent(encoding)) {
                kinds[pt] = KIND_EVENT;
            }
        }
        return kinds;
    }

    private static int eventPayloadType(Sdp.Media m) {
        for (String format : m.formats()) {
            int pt = payloadType(format);
            if (pt >= 0 && isEvent(m.encodingOf(pt))) {
                return pt;
            }
        }
        return -1;
    }

    private static boolean isEvent(String encoding) {
        return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).startsWith("telephone-event/8000");
    }

    /** "PCMU/8000" (or "PCMU/8000/1") to the codec; other rates and names are not ours. */
    private static Codec codecOf(String encoding) {
        if (encoding == null) {
            return null;
        }
        String[] parts = encoding.split("/");
        if (parts.length < 2 || !parts[1].equals("8000") || (parts.length > 2 && !parts[2].equals("1"))) {
            return null;
        }
        return Codec.byName(parts[0]);
    }

    private static int payloadType(String format) {
        try {
            int pt = Integer.parseInt(format);
            return pt >= 0 && pt < 128 ? pt : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String describe(Sdp.Session s) {
        StringBuilder b = new StringBuilder();
        for (Sdp.Media m : s.media()) {
            if (!b.isEmpty()) {
                b.append("; ");
            }
            b.append("m=").append(m.line());
        }
        return b.isEmpty() ? "no m= line" : b.toString();
    }

    private StringBuilder header() {
        String address = engine.settings().address();
        String ipVersion = address.indexOf(':') >= 0 ? "IP6" : "IP4";
        StringBuilder sdp = new StringBuilder(320);
        sdp.append("v=0\r\n");
        sdp.append("o=sangdam ").append(sessionId).append(' ').append(++sdpVersion).append(" IN ").append(ipVersion).append(' ')
                .append(address).append("\r\n");
        sdp.append("s=sangdam\r\n");
        sdp.append("c=IN ").append(ipVersion).append(' ').append(address).append("\r\n");
        sdp.append("t=0 0\r\n");
        return sdp;
    }

    @Override
    public void play(Prompt prompt, boolean loop, Runnable onEnd) {
        checkOpen();
        if (prompt == null) {
            throw new IllegalArgumentException("no prompt");
        }
        playback.set(new Playback(prompt, loop, onEnd));
        engine.startTicking(this);
    }

    @Override
    public void stopPlaying() {
        playback.set(null);
    }

    @Override
    public void onDigit(IntConsumer listener) {
        this.digitListener = listener;
    }

    @Override
    public long millisSinceLastPacket() {
        return (System.nanoTime() - lastPacketNanos) / 1_000_000L;
    }

    @Override
    public void startRecording(Path file) throws IOException {
        checkOpen();
        WavRecorder previous = recorder;
        recorder = new WavRecorder(file);
        if (previous != null) {
            previous.close();
        }
    }

    @Override
    public void recordInto(CallRecording recording, int channel) {
        checkOpen();
        callRecordingChannel = channel;
        callRecording = recording;
    }

    @Override
    public void stopRecording() {
        callRecording = null;
        WavRecorder r = recorder;
        recorder = null;
        if (r != null) {
            r.close();
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            playback.set(null);
            stopRecording();
            engine.closed(this);
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("media leg " + label + " is closed");
        }
    }

    /** Where our packets go: the learnt (latched) source, else the SDP address; null: send nothing. */
    InetSocketAddress destination(Negotiated n) {
        if (n == null || !n.farEndReceives()) {
            return null;
        }
        if (n.latch()) {
            InetSocketAddress l = latched;
            return l != null ? l : n.remote();
        }
        return n.remote();
    }

    /** Symmetric RTP: is {@code from} the far end? Latches the first source when the rule says so. */
    boolean acceptSource(Negotiated n, InetSocketAddress from) {
        if (n.latch()) {
            InetSocketAddress l = latched;
            if (l == null) {
                latched = from;
                return true;
            }
            return l.equals(from);
        }
        return from.equals(n.remote());
    }

    void packetArrived(long now) {
        lastPacketNanos = now;
    }

    /** A telephone-event payload arrived: a new (SSRC, timestamp) is a new digit, told once. */
    void event(int ssrc, long timestamp, int eventCode) {
        long key = ((long) ssrc << 32) | timestamp;
        for (int i = 0; i < recentEventCount; i++) {
            if (recentEvents[i] == key) {
                return;
            }
        }
        recentEvents[recentEventNext] = key;
        recentEventNext = (recentEventNext + 1) % recentEvents.length;
        recentEventCount = Math.min(recentEventCount + 1, recentEvents.length);
        IntConsumer listener = digitListener;
        if (listener != null && eventCode >= 0 && eventCode < DIGITS.length) {
            engine.callback(() -> listener.accept(DIGITS[eventCode]));
        }
    }

    @Override
    public String toString() {
        return "RtpLeg[" + label + " :" + port + "]";
    }

    /** A prompt being played: position advanced by the ticker only. */
    static final class Playback {
        final Prompt prompt;
        final short[] samples;
        final boolean loop;
        final Runnable onEnd;
        int position;

        Playback(Prompt prompt, boolean loop, Runnable onEnd) {
            this.prompt = prompt;
            this.samples = prompt.samples();
            this.loop = loop;
            this.onEnd = onEnd;
        }
    }
}
