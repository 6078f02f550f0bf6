package org.sangdam.media;

/**
 * Where the media engine listens: the address put into SDP and bound, and the RTP port
 * range (even ports for RTP, the odd one above for RTCP).
 */
public record MediaSettings(String address, int portMin, int portMax) {
    public MediaSettings {
        if (portMin < 1024 || portMax > 65535 || portMin >= portMax) {
            throw new IllegalArgumentException("RTP port range " + portMin + "-" + portMax + " is not valid");
        }
    }
}
