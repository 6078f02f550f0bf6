package org.sangdam.media;

/** The far end's SDP offers no codec we support: the SIP layer answers 488 Not Acceptable Here. */
public class NoCommonCodecException extends RuntimeException {
    public NoCommonCodecException(String message) {
        super(message);
    }
}
