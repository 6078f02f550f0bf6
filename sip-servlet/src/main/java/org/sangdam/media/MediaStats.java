package org.sangdam.media;

/** Counters of the media engine since start. */
public record MediaStats(int openLegs, long packetsReceived, long packetsRelayed, long packetsDropped) {
}
