package org.sangdam.bench.server;

import org.sangdam.telephony.TelephonyPort;

import java.util.concurrent.atomic.LongAdder;

/**
 * The phone network as the benchmark plays it: every agent's phone answers the moment
 * it rings (zero ring and talk time), so 1,000 agents can take 10,000 calls. What the
 * core commands after routing's commit is the "phone rang" moment we time.
 */
final class BenchTelephony implements TelephonyPort {
    interface Ringing {
        void rang(long callId, String agentNumber);
    }

    private final Ringing ringing;
    final LongAdder otherCommands = new LongAdder();

    BenchTelephony(Ringing ringing) {
        this.ringing = ringing;
    }

    @Override
    public void offer(long callId, String agentNumber) {
        ringing.rang(callId, agentNumber);
    }

    @Override
    public void withdrawOffer(long callId, String agentNumber) {
        otherCommands.increment();
    }

    @Override
    public void connectAgent(long callId, String agentNumber) {
        otherCommands.increment();
    }

    @Override
    public void dial(long callId, String agentNumber, String customerNumber, String callerId) {
        otherCommands.increment();
    }

    @Override
    public void hold(long callId, String music) {
        otherCommands.increment();
    }

    @Override
    public void release(long callId) {
        otherCommands.increment();
    }

    @Override
    public void startConsult(long callId, String target, String music) {
        otherCommands.increment();
    }

    @Override
    public void cancelConsult(long callId) {
        otherCommands.increment();
    }

    @Override
    public void completeTransfer(long callId) {
        otherCommands.increment();
    }

    @Override
    public void playAndHangUp(long callId, String prompt) {
        otherCommands.increment();
    }

    @Override
    public void hangUp(long callId) {
        otherCommands.increment();
    }
}
