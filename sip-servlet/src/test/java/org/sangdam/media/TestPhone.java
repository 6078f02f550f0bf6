package org.sangdam.media;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/** A phone for the tests: a real UDP socket on 127.0.0.1 that sends RTP and keeps what it receives. */
final class TestPhone implements AutoCloseable {
    record Packet(int pt, boolean marker, int seq, long ts, int ssrc, byte[] payload, SocketAddress from) {
    }

    final DatagramChannel channel;
    final List<Packet> received = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean open = true;
    final int ssrc = ThreadLocalRandom.current().nextInt();
    int seq = ThreadLocalRandom.current().nextInt(1 << 16);
    long ts = ThreadLocalRandom.current().nextLong(1L << 32);
    InetSocketAddress target;

    TestPhone() throws IOException {
        this("127.0.0.1");
    }

    TestPhone(String address) throws IOException {
        channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(address, 0));
        reader = new Thread(this::read, "test-phone-" + port());
        reader.setDaemon(true);
        reader.start();
    }

    int port() {
        try {
            return ((InetSocketAddress) channel.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An SDP offer from this phone: the given "pt name/rate" formats. */
    String offerWith(String direction, String... formats) {
        StringBuilder pts = new StringBuilder();
        StringBuilder maps = new StringBuilder();
        for (String f : formats) {
            String[] p = f.split(" ");
            pts.append(' ').append(p[0]);
            maps.append("a=rtpmap:").append(p[0]).append(' ').append(p[1]).append("\r\n");
        }
        return "v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio " + port() + " RTP/AVP" + pts + "\r\n" + maps + "a=" + direction + "\r\n";
    }

    String offer(String... formats) {
        return offerWith("sendrecv", formats);
    }

    /** Points this phone at a leg (what the SDP from the leg says). */
    TestPhone talkTo(MediaLeg leg) {
        target = new InetSocketAddress(leg.localAddress(), leg.localPort());
        return this;
    }

    void send(int pt, boolean marker, int seq, long ts, int ssrc, byte[] payload) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(12 + payload.length);
        b.put((byte) 0x80).put((byte) ((marker ? 0x80 : 0) | pt)).putShort((short) seq).putInt((int) ts).putInt(ssrc).put(payload);
        b.flip();
        channel.send(b, target);
    }

    /** {@code frames} 20 ms frames of a sine at {@code hz} in the given codec, sent at once. */
    void sendTone(Codec codec, double hz, int frames) throws IOException {
        for (int f = 0; f < frames; f++) {
            byte[] payload = new byte[160];
            for (int i = 0; i < 160; i++) {
                long n = (ts & 0xFFFFFFFFL) + i;
                payload[i] = codec.encode((short) (8000 * Math.sin(2 * Math.PI * hz * n / 8000.0)));
            }
            send(codec.staticPayloadType, f == 0, seq, ts, ssrc, payload);
            seq = (seq + 1) & 0xFFFF;
            ts = (ts + 160) & 0xFFFFFFFFL;
        }
    }

    /** One RFC 4733 digit: three start/continuation packets, then the end packet three times. */
    void sendDigit(int pt, int event) throws IOException {
        long start = ts;
        for (int i = 0; i < 6; i++) {
            boolean end = i >= 3;
            int duration = 160 * Math.min(i + 1, 4);
            byte[] payload = {(byte) event, (byte) ((end ? 0x80 : 0) | 10), (byte) (duration >> 8), (byte) duration};
            send(pt, i == 0, seq, start, ssrc, payload);
            seq = (seq + 1) & 0xFFFF;
        }
        ts = (ts + 800) & 0xFFFFFFFFL;
    }

    List<Packet> packets(int pt) {
        List<Packet> out = new ArrayList<>();
        for (Packet p : received) {
            if (p.pt() == pt) {
                out.add(p);
            }
        }
        return out;
    }

    /** Decoded audio of every received packet of the codec. */
    short[] audio(Codec codec) {
        List<Packet> packets = packets(codec.staticPayloadType);
        int n = 0;
        for (Packet p : packets) {
            n += p.payload().length;
        }
        short[] out = new short[n];
        int i = 0;
        for (Packet p : packets) {
            for (byte b : p.payload()) {
                out[i++] = codec.decode(b);
            }
        }
        return out;
    }

    private void read() {
        ByteBuffer b = ByteBuffer.allocate(2048);
        while (open) {
            try {
                b.clear();
                SocketAddress from = channel.receive(b);
                b.flip();
                if (b.remaining() < 12) {
                    continue;
                }
                byte[] payload = new byte[b.remaining() - 12];
                b.get(12, payload);
                received.add(new Packet(b.get(1) & 0x7F, (b.get(1) & 0x80) != 0, b.getShort(2) & 0xFFFF,
                        b.getInt(4) & 0xFFFFFFFFL, b.getInt(8), payload, from));
            } catch (IOException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        channel.close();
    }

    /** Share of the signal's energy at {@code hz} (Goertzel over 20 ms blocks): 1.0 for a pure tone. */
    static double toneRatio(short[] samples, double hz) {
        int block = 160;
        double tone = 0;
        double total = 0;
        for (int start = 0; start + block <= samples.length; start += block) {
            double coeff = 2 * Math.cos(2 * Math.PI * hz / 8000.0);
            double s1 = 0;
            double s2 = 0;
            double energy = 0;
            for (int i = 0; i < block; i++) {
                double x = samples[start + i];
                energy += x * x;
                double s = x + coeff * s1 - s2;
                s2 = s1;
                s1 = s;
            }
            double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
            tone += power;
            total += energy * block / 2.0;
        }
        return total == 0 ? 0 : tone / total;
    }
}
