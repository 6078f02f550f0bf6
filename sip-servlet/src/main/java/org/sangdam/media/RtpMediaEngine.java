package org.sangdam.media;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The RTP media engine: one selector thread receives every leg's packets and relays them to
 * the bridged leg; one scheduled ticker sends the 20 ms frames of every prompt being played;
 * one callback thread runs {@code onEnd} and {@code onDigit} listeners (so slow listeners never
 * hold up audio). No thread per call.
 */
public final class RtpMediaEngine implements MediaEngine {
    private static final System.Logger LOG = System.getLogger(RtpMediaEngine.class.getName());

    private final MediaSettings settings;
    private final InetAddress bindAddress;
    private final Selector selector;
    private final Thread ioThread;
    private final ScheduledExecutorService ticker;
    private final ExecutorService callbacks;
    private final Queue<Runnable> ioTasks = new ConcurrentLinkedQueue<>();
    private final Set<RtpLeg> legs = ConcurrentHashMap.newKeySet();
    private final Set<RtpLeg> playing = ConcurrentHashMap.newKeySet();
    private final Set<Integer> portsInUse = ConcurrentHashMap.newKeySet();
    private final Object portLock = new Object();
    private int nextPort;
    private volatile boolean running = true;

    private final LongAdder received = new LongAdder();
    private final LongAdder relayed = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    // the same, by the leg a packet arrived on: [0] customer legs (the trunk side), [1] the others (agents' phones, consultations)
    private final LongAdder[] receivedOn = {new LongAdder(), new LongAdder()};
    private final LongAdder[] relayedFrom = {new LongAdder(), new LongAdder()};
    private final LongAdder[] droppedFrom = {new LongAdder(), new LongAdder()};

    // I/O thread only
    private final ByteBuffer in = ByteBuffer.allocateDirect(2048);
    private final ByteBuffer relayOut = ByteBuffer.allocateDirect(2048);
    // ticker thread only
    private final ByteBuffer playOut = ByteBuffer.allocateDirect(512);
    private final short[] frame = new short[OutStream.FRAME];

    public RtpMediaEngine(MediaSettings settings) {
        this.settings = settings;
        try {
            this.bindAddress = InetAddress.getByName(settings.address());
            if (bindAddress.isAnyLocalAddress()) {
                // it goes into every SDP as c=, where 0.0.0.0 means "no media / hold"
                throw new IllegalArgumentException("the RTP address must be one the phones can reach, not " + settings.address());
            }
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new IllegalStateException("RTP engine cannot start on " + settings.address() + ": " + e.getMessage(), e);
        }
        this.nextPort = firstPort();
        this.ioThread = new Thread(this::ioLoop, "sangdam-rtp-io");
        this.ioThread.setDaemon(true);
        this.ioThread.setPriority(Thread.MAX_PRIORITY);
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sangdam-rtp-ticker");
            t.setDaemon(true);
            t.setPriority(Thread.MAX_PRIORITY);
            return t;
        });
        this.callbacks = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sangdam-media-callbacks");
            t.setDaemon(true);
            return t;
        });
        ioThread.start();
        ticker.scheduleAtFixedRate(this::tick, 20, 20, TimeUnit.MILLISECONDS);
    }

    MediaSettings settings() {
        return settings;
    }

    private int firstPort() {
        return (settings.portMin() + 1) & ~1;
    }

    // ---------------------------------------------------------------- legs and ports

    @Override
    public MediaLeg openLeg(String label) {
        if (!running) {
            throw new IllegalStateException("the RTP engine is closed");
        }
        synchronized (portLock) {
            int first = firstPort();
            int last = settings.portMax() - 1; // the RTCP port must fit too
            int slots = Math.max(0, (last - first) / 2 + 1);
            for (int attempt = 0; attempt < slots; attempt++) {
                int port = nextPort;
                nextPort = port + 2 > last ? first : port + 2;
                if (portsInUse.contains(port)) {
                    continue;
                }
                DatagramChannel rtp = null;
                DatagramChannel rtcp = null;
                try {
                    rtp = bind(port);
                    rtcp = bind(port + 1);
                } catch (IOException e) {
                    closeQuietly(rtp);
                    closeQuietly(rtcp);
                    continue; // taken by someone else on this machine: next pair
                }
                portsInUse.add(port);
                RtpLeg leg = new RtpLeg(this, label, port, rtp, rtcp);
                legs.add(leg);
                DatagramChannel rtpChannel = rtp;
                DatagramChannel rtcpChannel = rtcp;
                onIoThread(() -> {
                    try {
                        if (!leg.isClosed()) {
                            leg.rtpKey = rtpChannel.register(selector, SelectionKey.OP_READ, leg);
                            leg.rtcpKey = rtcpChannel.register(selector, SelectionKey.OP_READ, null);
                        }
                    } catch (IOException e) {
                        LOG.log(System.Logger.Level.WARNING, "RTP leg " + label + " could not be registered", e);
                    }
                });
                return leg;
            }
        }
        throw new IllegalStateException("no free RTP port pair in " + settings.portMin() + "-" + settings.portMax());
    }

    private DatagramChannel bind(int port) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, false);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, 64 * 1024);
            channel.bind(new InetSocketAddress(bindAddress, port));
            channel.configureBlocking(false);
            return channel;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }

    private static void closeQuietly(DatagramChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    /** Called by {@link RtpLeg#close()}. */
    void closed(RtpLeg leg) {
        synchronized (this) {
            unbridgeLocked(leg);
        }
        playing.remove(leg);
        legs.remove(leg);
        onIoThread(() -> {
            if (leg.rtpKey != null) {
                leg.rtpKey.cancel();
            }
            if (leg.rtcpKey != null) {
                leg.rtcpKey.cancel();
            }
            closeQuietly(leg.rtp);
            closeQuietly(leg.rtcp);
            portsInUse.remove(leg.localPort());
        });
        if (!ioThread.isAlive()) {
            closeQuietly(leg.rtp);
            closeQuietly(leg.rtcp);
            portsInUse.remove(leg.localPort());
        }
    }

    // ---------------------------------------------------------------- bridge

    @Override
    public void bridge(MediaLeg a, MediaLeg b) {
        RtpLeg left = own(a);
        RtpLeg right = own(b);
        if (left == right) {
            throw new IllegalArgumentException("a leg cannot be bridged to itself");
        }
        synchronized (this) {
            unbridgeLocked(left);
            unbridgeLocked(right);
            left.stopPlaying();
            right.stopPlaying();
            left.peer = right;
            right.peer = left;
        }
    }

    /** Also accepts a leg already closed (closing unbridged it): hang-up paths need not care about order. */
    @Override
    public void unbridge(MediaLeg leg) {
        if (!(leg instanceof RtpLeg own)) {
            throw new IllegalArgumentException(leg == null ? "no leg" : "not a leg of this engine: " + leg);
        }
        synchronized (this) {
            unbridgeLocked(own);
        }
    }

    private void unbridgeLocked(RtpLeg leg) {
        RtpLeg peer = leg.peer;
        if (peer != null && peer.peer == leg) {
            peer.peer = null;
        }
        leg.peer = null;
    }

    private RtpLeg own(MediaLeg leg) {
        if (leg instanceof RtpLeg rtpLeg && !rtpLeg.isClosed()) {
            return rtpLeg;
        }
        throw new IllegalArgumentException(leg == null ? "no leg" : "not an open leg of this engine: " + leg);
    }

    @Override
    public MediaStats stats() {
        return new MediaStats(legs.size(), received.sum(), relayed.sum(), dropped.sum(),
                new MediaStats.Direction(receivedOn[0].sum(), relayedFrom[0].sum(), droppedFrom[0].sum()),
                new MediaStats.Direction(receivedOn[1].sum(), relayedFrom[1].sum(), droppedFrom[1].sum()));
    }

    // ---------------------------------------------------------------- I/O thread

    private void onIoThread(Runnable task) {
        ioTasks.add(task);
        selector.wakeup();
    }

    void callback(Runnable task) {
        try {
            callbacks.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "media listener failed", e);
                }
            });
        } catch (RuntimeException e) {
            // engine closed: listeners are no longer told
        }
    }

    private void ioLoop() {
        try {
            while (running) {
                selector.select(this::ready); // no selected-key set to fill and empty
                Runnable task;
                while ((task = ioTasks.poll()) != null) {
                    task.run();
                }
            }
        } catch (IOException | ClosedSelectorException e) {
            if (running) {
                LOG.log(System.Logger.Level.ERROR, "RTP I/O thread stopped", e);
            }
        } finally {
            Runnable task;
            while ((task = ioTasks.poll()) != null) {
                task.run();
            }
        }
    }

    private void ready(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        try {
            if (key.attachment() instanceof RtpLeg leg) {
                readRtp(leg);
            } else {
                drainRtcp((DatagramChannel) key.channel());
            }
        } catch (IOException | RuntimeException e) {
            if (running) {
                LOG.log(System.Logger.Level.DEBUG, "RTP receive failed", e);
            }
        }
    }

    /** RTCP is received and ignored (the port pair is reserved so phones do not get ICMP errors). */
    private void drainRtcp(DatagramChannel channel) throws IOException {
        in.clear();
        channel.receive(in);
    }

    /**
     * One datagram per ready socket and wake-up: the selector is level-triggered, so a socket
     * with more waiting is reported again by the next select. Reading until the socket is empty
     * would cost one more (failing) system call per packet at the usual one packet per wake-up.
     */
    private void readRtp(RtpLeg leg) throws IOException {
        in.clear();
        SocketAddress from = leg.rtp.receive(in);
        if (from == null) {
            return;
        }
        in.flip();
        received.increment();
        receivedOn[leg.side].increment();
        handle(leg, in, (InetSocketAddress) from);
    }

    private void handle(RtpLeg leg, ByteBuffer packet, InetSocketAddress from) {
        RtpLeg.Negotiated n = leg.negotiated;
        if (n == null || !leg.acceptSource(n, from)) {
            drop(leg);
            return;
        }
        int length = packet.limit();
        if (length < 12) {
            drop(leg);
            return;
        }
        int b0 = packet.get(0) & 0xFF;
        int b1 = packet.get(1) & 0xFF;
        if ((b0 >> 6) != 2) {
            drop(leg);
            return;
        }
        if (b1 >= 200 && b1 <= 204) {
            return; // RTCP multiplexed on the RTP port: ignored
        }
        int offset = 12 + 4 * (b0 & 0x0F);
        if ((b0 & 0x10) != 0) {
            if (length < offset + 4) {
                drop(leg);
                return;
            }
            offset += 4 + 4 * (packet.getShort(offset + 2) & 0xFFFF);
        }
        int end = length;
        if ((b0 & 0x20) != 0) {
            end -= packet.get(length - 1) & 0xFF;
        }
        if (offset > end) {
            drop(leg);
            return;
        }
        long now = System.nanoTime();
        leg.packetArrived(now);
        int pt = b1 & 0x7F;
        int seq = packet.getShort(2) & 0xFFFF;
        long ts = packet.getInt(4) & OutStream.MASK32;
        int ssrc = packet.getInt(8);
        int kind = n.kindOf(pt);
        Codec codec;
        switch (kind) {
            case RtpLeg.KIND_PCMU -> codec = Codec.PCMU;
            case RtpLeg.KIND_PCMA -> codec = Codec.PCMA;
            case RtpLeg.KIND_EVENT -> {
                codec = null;
                if (end - offset >= 4) {
                    leg.event(ssrc, ts, packet.get(offset) & 0xFF);
                }
            }
            default -> {
                return; // comfort noise and other formats we did not negotiate: not relayed
            }
        }
        if (codec != null) {
            WavRecorder recorder = leg.recorder;
            if (recorder != null) {
                recorder.write(codec, packet, offset, end - offset);
            }
            CallRecording call = leg.callRecording;
            if (call != null) {
                call.write(leg.callRecordingChannel, codec, packet, offset, end - offset);
            }
        }
        RtpLeg peer = leg.peer;
        if (peer == null || peer.playback.get() != null) {
            return;
        }
        RtpLeg.Negotiated pn = peer.negotiated;
        InetSocketAddress to = peer.destination(pn);
        if (to == null) {
            return;
        }
        int outPt;
        if (codec == null) {
            if (pn.sendEventPt() < 0) {
                return; // the other side did not negotiate telephone-events
            }
            outPt = pn.sendEventPt();
        } else {
            outPt = pn.sendPt();
        }
        long mapped = peer.out.relay(leg, ssrc, seq, ts, codec != null, now);
        boolean marker = codec != null ? OutStream.markerOf(mapped) : (b1 & 0x80) != 0;
        ByteBuffer o = relayOut;
        o.clear();
        o.put((byte) 0x80);
        o.put((byte) ((marker ? 0x80 : 0) | outPt));
        o.putShort((short) OutStream.seqOf(mapped));
        o.putInt((int) OutStream.tsOf(mapped));
        o.putInt(peer.out.ssrc);
        if (codec == null || codec == pn.codec()) {
            o.put(o.position(), packet, offset, end - offset);
            o.position(o.position() + end - offset);
        } else {
            Codec target = pn.codec();
            for (int i = offset; i < end; i++) {
                o.put(codec.transcodeTo(target, packet.get(i)));
            }
        }
        o.flip();
        try {
            if (peer.rtp.send(o, to) == 0) {
                drop(leg);
            } else {
                relayed.increment();
                relayedFrom[leg.side].increment();
            }
        } catch (IOException e) {
            drop(leg);
        }
    }

    private void drop(RtpLeg leg) {
        dropped.increment();
        droppedFrom[leg.side].increment();
    }

    // ---------------------------------------------------------------- ticker

    void startTicking(RtpLeg leg) {
        playing.add(leg);
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            for (RtpLeg leg : playing) {
                playFrame(leg, now);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "RTP playback tick failed", e);
        }
    }

    private void playFrame(RtpLeg leg, long now) {
        RtpLeg.Playback p = leg.playback.get();
        if (p == null || leg.isClosed()) {
            playing.remove(leg);
            // a play() between the get and the remove re-adds itself below on the next call
            if (leg.playback.get() != null && !leg.isClosed()) {
                playing.add(leg);
            }
            return;
        }
        short[] samples = p.samples;
        int length = samples.length;
        boolean finished;
        if (length == 0) {
            finished = !p.loop;
            if (p.loop) {
                return;
            }
        } else {
            for (int i = 0; i < frame.length; i++) {
                if (p.position < length) {
                    frame[i] = samples[p.position++];
                } else if (p.loop) {
                    p.position = 0;
                    frame[i] = samples[p.position++];
                } else {
                    frame[i] = 0;
                }
            }
            finished = !p.loop && p.position >= length;
            RtpLeg.Negotiated n = leg.negotiated;
            InetSocketAddress to = leg.destination(n);
            if (to != null) {
                long mapped = leg.out.play(p, now);
                ByteBuffer o = playOut;
                o.clear();
                o.put((byte) 0x80);
                o.put((byte) ((OutStream.markerOf(mapped) ? 0x80 : 0) | n.sendPt()));
                o.putShort((short) OutStream.seqOf(mapped));
                o.putInt((int) OutStream.tsOf(mapped));
                o.putInt(leg.out.ssrc);
                Codec codec = n.codec();
                for (short s : frame) {
                    o.put(codec.encode(s));
                }
                o.flip();
                try {
                    leg.rtp.send(o, to);
                } catch (IOException e) {
                    dropped.increment();
                }
            }
        }
        if (finished && leg.playback.compareAndSet(p, null)) {
            playing.remove(leg);
            if (p.onEnd != null) {
                callback(p.onEnd);
            }
        }
    }

    // ---------------------------------------------------------------- close

    @Override
    public void close() {
        if (!running) {
            return;
        }
        for (RtpLeg leg : legs) {
            leg.close();
        }
        running = false;
        ticker.shutdownNow();
        selector.wakeup();
        try {
            ioThread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing
        }
        callbacks.shutdown();
    }
}
