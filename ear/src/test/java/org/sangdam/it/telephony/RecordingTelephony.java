package org.sangdam.it.telephony;

import org.sangdam.telephony.TelephonyPort;

import java.util.ArrayList;
import java.util.List;

/**
 * The test adapter the CTI-core tests run with, deployed in the test-only WAR: it
 * records what the core told the phone network. Never part of the product; the
 * SIP layer is the real implementation.
 */
public class RecordingTelephony implements TelephonyPort {
    private final List<String> commands = new ArrayList<>();

    public synchronized List<String> commands() {
        return List.copyOf(commands);
    }

    private synchronized void record(String command) {
        commands.add(command);
    }

    @Override
    public void offer(long callId, String agentNumber) {
        record("offer " + callId + " " + agentNumber);
    }

    @Override
    public void withdrawOffer(long callId, String agentNumber) {
        record("withdraw " + callId + " " + agentNumber);
    }

    @Override
    public void connectAgent(long callId, String agentNumber) {
        record("connect " + callId + " " + agentNumber);
    }

    @Override
    public void dial(long callId, String agentNumber, String customerNumber, String callerId) {
        record("dial " + callId + " " + agentNumber + " " + customerNumber + " " + callerId);
    }

    @Override
    public void hold(long callId, String music) {
        record("hold " + callId);
    }

    @Override
    public void release(long callId) {
        record("release " + callId);
    }

    @Override
    public void startConsult(long callId, String target, String music) {
        record("consult " + callId + " " + target);
    }

    @Override
    public void cancelConsult(long callId) {
        record("cancel-consult " + callId);
    }

    @Override
    public void completeTransfer(long callId) {
        record("transfer " + callId);
    }

    @Override
    public void playAndHangUp(long callId, String prompt) {
        record("play-and-hang-up " + callId + " " + prompt);
    }

    @Override
    public void hangUp(long callId) {
        record("hang-up " + callId);
    }
}
