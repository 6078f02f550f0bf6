package org.sangdam.call.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 7 part 5: where recordings go and when retention deletes them. */
class RecordingRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");

    @Test
    void aRecordingOlderThanTheRetentionIsDeletedAYoungerOneIsNot() {
        assertTrue(RecordingRules.expired(NOW.minusSeconds(31L * 86400), false, 30, NOW));
        assertFalse(RecordingRules.expired(NOW.minusSeconds(29L * 86400), false, 30, NOW));
        assertFalse(RecordingRules.expired(NOW.minusSeconds(30L * 86400), false, 30, NOW), "exactly at the limit it is still kept");
    }

    @Test
    void evidenceOfAnAbusiveCallIsKeptWhateverItsAge() {
        assertFalse(RecordingRules.expired(NOW.minusSeconds(5000L * 86400), true, 1, NOW));
    }

    @Test
    void aCallThatHasNotEndedIsNeverDeleted() {
        assertFalse(RecordingRules.expired(null, false, 1, NOW));
    }

    @Test
    void oneFilePerCallUnderItsService() {
        assertEquals("service-7/call-42.wav", RecordingRules.file(7, 42));
    }

    @Test
    void aRecordingIsNotReadyWhileTheCallRunsAndForAWhileAfterItsEndThenReadyOnceWritten() {
        assertEquals(RecordingRules.Availability.NOT_READY, RecordingRules.availability(true, false, null, NOW), "the call goes on");
        assertEquals(RecordingRules.Availability.NOT_READY, RecordingRules.availability(true, true, null, NOW),
                "the call goes on: a file under its name is not its recording yet");
        assertEquals(RecordingRules.Availability.NOT_READY, RecordingRules.availability(true, false, NOW.minusSeconds(3), NOW),
                "just ended: being written");
        assertEquals(RecordingRules.Availability.READY, RecordingRules.availability(true, true, NOW.minusSeconds(3), NOW));
        assertEquals(RecordingRules.Availability.READY, RecordingRules.availability(true, true, NOW.minusSeconds(86_400), NOW));
    }

    @Test
    void noRecordingWhenTheServiceDidNotRecordOrTheFileNeverCame() {
        assertEquals(RecordingRules.Availability.NONE, RecordingRules.availability(false, false, null, NOW), "not recorded (or deleted)");
        assertEquals(RecordingRules.Availability.NONE, RecordingRules.availability(false, false, NOW.minusSeconds(3), NOW));
        assertEquals(RecordingRules.Availability.NONE,
                RecordingRules.availability(true, false, NOW.minus(RecordingRules.WRITE_GRACE).minusSeconds(1), NOW),
                "ended long ago and still no file: the write failed");
    }
}
