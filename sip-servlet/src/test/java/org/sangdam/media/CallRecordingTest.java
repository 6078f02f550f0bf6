package org.sangdam.media;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 7 part 5: the two-channel call recording keeps who said what, aligned to the call's time. */
class CallRecordingTest {
    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

    /** 20 ms of a constant sample value, written at the clock's current time */
    private void packet(CallRecording rec, int channel, short value) {
        clock.addAndGet(20_000_000L);
        short[] pcm = new short[160];
        java.util.Arrays.fill(pcm, value);
        rec.write(channel, pcm, 160);
    }

    private static short[][] channels(Path wav) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(wav)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(2, b.getShort(22), "two channels");
        assertEquals(8000, b.getInt(24), "8 kHz");
        assertEquals(16, b.getShort(34), "16-bit");
        int frames = b.getInt(40) / 4;
        assertEquals(b.capacity() - 44, frames * 4, "data size in the header matches the file");
        short[][] ch = new short[2][frames];
        for (int i = 0; i < frames; i++) {
            ch[0][i] = b.getShort(44 + 4 * i);
            ch[1][i] = b.getShort(46 + 4 * i);
        }
        return ch;
    }

    @Test
    void aWavLeftUnderTheCallsNameIsNotServedWhileThisCallIsRecorded() throws Exception {
        Path wav = dir.resolve("service-1/call-7.wav");
        java.nio.file.Files.createDirectories(wav.getParent());
        java.nio.file.Files.write(wav, new byte[]{1, 2, 3}); // an earlier database's call 7
        CallRecording rec = new CallRecording(wav, clock::get);
        org.junit.jupiter.api.Assertions.assertFalse(java.nio.file.Files.exists(wav), "the stale file is gone once this call records");
        packet(rec, CallRecording.CUSTOMER, (short) 1000);
        rec.close();
        org.junit.jupiter.api.Assertions.assertTrue(java.nio.file.Files.size(wav) > 44, "this call's WAV replaces it at the end");
    }

    @Test
    void customerLeftAgentRightAndALateLegIsPaddedToTheCallsTime() throws Exception {
        CallRecording rec = new CallRecording(dir.resolve("call-1.wav"), clock::get);
        for (int i = 0; i < 50; i++) {              // first second: only the customer
            packet(rec, CallRecording.CUSTOMER, (short) 1000);
        }
        for (int i = 0; i < 50; i++) {              // next second: both
            rec.write(CallRecording.AGENT, filled((short) -2000), 160);
            packet(rec, CallRecording.CUSTOMER, (short) 1000);
        }
        assertFalse(Files.exists(dir.resolve("call-1.wav")), "no WAV while the call runs: a download gets none rather than half");
        Path wav = rec.close();

        short[][] ch = channels(wav);
        assertEquals(16000, ch[0].length, "two seconds");
        assertEquals(1000, ch[0][100]);
        assertEquals(0, ch[1][100], "the agent was not there yet: silence");
        assertEquals(0, ch[1][7000]);
        assertEquals(-2000, ch[1][8200], "the agent's audio starts when it arrived, a second in");
        assertEquals(1000, ch[0][8200]);
        try (var parts = Files.list(dir)) {
            assertEquals(1, parts.count(), "only the WAV is left, no channel parts or file being written");
        }
    }

    @Test
    void aPhoneThatStopsSendingLeavesSilenceNotAShiftedRecording() throws Exception {
        CallRecording rec = new CallRecording(dir.resolve("call-2.wav"), clock::get);
        packet(rec, CallRecording.AGENT, (short) 500);
        clock.addAndGet(1_000_000_000L);            // one second without packets (e.g. a leg being swapped)
        packet(rec, CallRecording.AGENT, (short) 700);
        short[][] ch = channels(rec.close());
        assertEquals(500, ch[1][10]);
        assertEquals(0, ch[1][4000], "the gap is silence");
        assertEquals(700, ch[1][ch[1].length - 1]);
        assertTrue(ch[1].length >= 8000 + 320, "the second packet sits a second later: " + ch[1].length);
    }

    @Test
    void jitterDoesNotInsertSilence() throws Exception {
        CallRecording rec = new CallRecording(dir.resolve("call-3.wav"), clock::get);
        long start = clock.get();
        for (int i = 0; i < 50; i++) {               // every third packet 60 ms late
            clock.set(start + 20_000_000L * (i + 1) + (i % 3 == 0 ? 60_000_000L : 0));
            rec.write(CallRecording.CUSTOMER, filled((short) 300), 160);
        }
        short[][] ch = channels(rec.close());
        for (short s : ch[0]) {
            assertEquals(300, s, "no silence inserted for jitter");
        }
        assertFalse(ch[0].length == 0);
    }

    private static short[] filled(short v) {
        short[] pcm = new short[160];
        java.util.Arrays.fill(pcm, v);
        return pcm;
    }
}
