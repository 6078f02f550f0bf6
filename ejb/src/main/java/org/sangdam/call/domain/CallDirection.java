package org.sangdam.call.domain;

public enum CallDirection {
    /** The customer called a DID of the service; the call starts in its scenario. */
    INBOUND(CallState.ARRIVED),
    /** An agent dialed the customer (R2.7). */
    OUTBOUND(CallState.DIALING);

    private final CallState initialState;

    CallDirection(CallState initialState) {
        this.initialState = initialState;
    }

    public CallState initialState() {
        return initialState;
    }
}
