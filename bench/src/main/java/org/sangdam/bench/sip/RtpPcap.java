package org.sangdam.bench.sip;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes G.711 A-law audio as a pcap of RTP packets (Ethernet, IPv4, UDP, RTP payload type 8, 20 ms
 * each) for SIPp's {@code play_pcap_audio}, which replaces the addresses and ports with the call's and
 * keeps the packets' timing. Debian has no tool that turns audio into RTP in a pcap, so the bench makes it.
 */
final class RtpPcap {
    private static final int SAMPLES = 160; // 20 ms at 8 kHz
    private static final int RTP = 12;
    private static final int UDP = 8;
    private static final int IP = 20;
    private static final int ETHERNET = 14;

    private RtpPcap() {
    }

    static void write(byte[] alaw, Path pcap) throws IOException {
        int packets = alaw.length / SAMPLES;
        int frame = ETHERNET + IP + UDP + RTP + SAMPLES;
        ByteBuffer b = ByteBuffer.allocate(24 + packets * (16 + frame));
        // global header, little-endian: magic, version 2.4, zone, accuracy, snaplen, link type 1 (Ethernet)
        b.order(ByteOrder.LITTLE_ENDIAN).putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        int ssrc = 0x5a4e4744;
        for (int i = 0; i < packets; i++) {
            long micros = i * 20_000L;
            b.order(ByteOrder.LITTLE_ENDIAN).putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000)).putInt(frame).putInt(frame);
            b.order(ByteOrder.BIG_ENDIAN);
            b.put(new byte[12]).putShort((short) 0x0800); // Ethernet: no addresses needed, IPv4
            int ipStart = b.position();
            b.put((byte) 0x45).put((byte) 0).putShort((short) (IP + UDP + RTP + SAMPLES)).putShort((short) i).putShort((short) 0)
                    .put((byte) 64).put((byte) 17).putShort((short) 0)
                    .put(new byte[] {127, 0, 0, 1}).put(new byte[] {127, 0, 0, 1});
            b.putShort(ipStart + 10, (short) ipChecksum(b, ipStart));
            b.putShort((short) 16000).putShort((short) 16002).putShort((short) (UDP + RTP + SAMPLES)).putShort((short) 0); // no UDP checksum
            b.put((byte) 0x80).put((byte) (i == 0 ? 0x88 : 0x08)).putShort((short) i).putInt(i * SAMPLES).putInt(ssrc);
            b.put(alaw, i * SAMPLES, SAMPLES);
        }
        Files.write(pcap, b.array());
    }

    /** the packets in a pcap file (either byte order) */
    static int count(Path pcap) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(pcap)).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(0) != 0xa1b2c3d4 && b.getInt(0) != 0xa1b23c4d) {
            b.order(ByteOrder.BIG_ENDIAN);
        }
        int n = 0;
        for (int at = 24; at + 16 <= b.limit(); at += 16 + b.getInt(at + 8)) {
            n++;
        }
        return n;
    }

    private static int ipChecksum(ByteBuffer b, int start) {
        int sum = 0;
        for (int i = 0; i < IP; i += 2) {
            sum += b.getShort(start + i) & 0xFFFF;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return ~sum & 0xFFFF;
    }
}
