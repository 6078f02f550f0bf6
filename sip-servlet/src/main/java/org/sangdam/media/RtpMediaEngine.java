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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The RTP media engine: a few selector threads (one per core by default, at most
 * {@link #MAX_IO_THREADS}) receive the legs' packets and relay them to the bridged leg, each leg
 * read by one of them; bridging moves the second leg to the first one's thread, so a call's
 * relay in both directions runs on one thread without locks. One scheduled ticker sends the
 * 20 ms frames of every prompt being played; one callback thread runs {@code onEnd} and
 * {@code onDigit} listeners (so slow listeners never hold up audio). No thread per call.
 */
public final class RtpMediaEngine implements MediaEngine {
    private static final System.Logger LOG = System.getLogger(RtpMediaEngine.class.getName());

    /** The most I/O threads the default picks, however many cores: beyond it the kernel's loopback work dominates. */
    public static final int MAX_IO_THREADS = 4;
    /**
     * Each leg's socket receive buffer: 20 ms packets at 50 per second, about 1 KiB each in the
     * kernel's accounting, so 256 KiB holds seconds of audio: when the I/O thread waits for a
     * core, the packets wait (delay), rather than being dropped (loss). The kernel caps it at
     * {@code net.core.rmem_max}.
     */
    static final int RECEIVE_BUFFER = 256 * 1024;
    /** Packets read from one ready socket before the next one gets its turn. */
    private static final int DRAIN = 8;

    private final MediaSettings settings;
    private final InetAddress bindAddress;
    private final IoLoop[] loops;
    private final AtomicInteger nextLoop = new AtomicInteger();
    private final ScheduledExecutorService ticker;
    private final ExecutorService callbacks;
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

    // ticker thread only
    private final ByteBuffer playOut = ByteBuffer.allocateDirect(512);
    private final short[] frame = new short[OutStream.FRAME];

    /** One I/O thread per available processor, at most {@link #MAX_IO_THREADS}. */
    public RtpMediaEngine(MediaSettings settings) {
        this(settings, defaultIoThreads());
    }

    public static int defaultIoThreads() {
        return Math.max(1, Math.min(MAX_IO_THREADS, Runtime.getRuntime().availableProcessors()));
    }

    /** @param ioThreads the selector threads that receive and relay, 1 to 64 */
    public RtpMediaEngine(MediaSettings settings, int ioThreads) {
        if (ioThreads < 1 || ioThreads > 64) {
            throw new IllegalArgumentException("the RTP engine needs 1 to 64 I/O threads, not " + ioThreads);
        }
        this.settings = settings;
        try {
            this.bindAddress = InetAddress.getByName(settings.address());
            if (bindAddress.isAnyLocalAddress()) {
                // it goes into every SDP as c=, where 0.0.0.0 means "no media / hold"
                throw new IllegalArgumentException("the RTP address must be one the phones can reach, not " + settings.address());
            }
        } catch (IOException e) {
            throw new IllegalStateException("RTP engine cannot start on " + settings.address() + ": " + e.getMessage(), e);
        }
        IoLoop[] created = new IoLoop[ioThreads];
        try {
            for (int i = 0; i < ioThreads; i++) {
                created[i] = new IoLoop(ioThreads == 1 ? "sangdam-rtp-io" : "sangdam-rtp-io-" + (i + 1));
            }
        } catch (IOException e) {
            for (IoLoop loop : created) {
                if (loop != null) {
                    loop.closeSelector();
                }
            }
            throw new IllegalStateException("RTP engine cannot start on " + settings.address() + ": " + e.getMessage(), e);
        }
        this.loops = created;
        this.nextPort = firstPort();
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
        for (IoLoop loop : loops) {
            loop.thread.start();
        }
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
        int first = firstPort();
        int last = settings.portMax() - 1; // the RTCP port must fit too
        int slots = Math.max(0, (last - first) / 2 + 1);
        for (int attempt = 0; attempt < slots; attempt++) {
            int port = reservePort(first, last);
            if (port < 0) {
                break;
            }
            // the sockets are bound outside the port lock: other calls' legs need not wait for these system calls
            DatagramChannel rtp = null;
            DatagramChannel rtcp = null;
            try {
                rtp = bind(port);
                rtcp = bind(port + 1);
            } catch (IOException e) {
                closeQuietly(rtp);
                closeQuietly(rtcp);
                portsInUse.remove(port);
                continue; // taken by someone else on this machine: next pair
            }
            RtpLeg leg = new RtpLeg(this, label, port, rtp, rtcp);
            legs.add(leg);
            IoLoop loop = loops[Math.floorMod(nextLoop.getAndIncrement(), loops.length)];
            leg.io = loop;
            loop.run(() -> loop.register(leg));
            return leg;
        }
        throw new IllegalStateException("no free RTP port pair in " + settings.portMin() + "-" + settings.portMax());
    }

    /** the next even port of the range no leg of ours holds, now held; -1 when every pair is in use */
    private int reservePort(int first, int last) {
        synchronized (portLock) {
            int slots = Math.max(0, (last - first) / 2 + 1);
            for (int i = 0; i < slots; i++) {
                int port = nextPort;
                nextPort = port + 2 > last ? first : port + 2;
                if (portsInUse.add(port)) {
                    return port;
                }
            }
            return -1;
        }
    }

    private DatagramChannel bind(int port) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, false);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
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
        // closing a channel cancels its keys with every selector (also one it is moving to)
        Runnable release = () -> {
            closeQuietly(leg.rtp);
            closeQuietly(leg.rtcp);
            portsInUse.remove(leg.localPort());
        };
        IoLoop loop = leg.io;
        loop.run(release);
        if (!loop.thread.isAlive()) {
            release.run();
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
            moveTo(right, left.io);
        }
    }

    /**
     * Has {@code leg} read by {@code target}'s thread from now on: its old thread lets go of its
     * sockets, then the new one takes them (packets meanwhile wait in the socket).
     */
    private void moveTo(RtpLeg leg, IoLoop target) {
        IoLoop from = leg.io;
        if (from == target) {
            return;
        }
        leg.io = target;
        from.run(() -> {
            from.deregister(leg);
            target.run(() -> target.register(leg));
        });
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

    // ---------------------------------------------------------------- I/O threads

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

    /** One selector thread and what only it touches: its selector, tasks and buffers. */
    final class IoLoop {
        private final Selector selector;
        final Thread thread;
        private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
        private final ByteBuffer in = ByteBuffer.allocateDirect(2048);
        private final ByteBuffer relayOut = ByteBuffer.allocateDirect(2048);

        IoLoop(String name) throws IOException {
            this.selector = Selector.open();
            this.thread = new Thread(this::loop, name);
            thread.setDaemon(true);
            thread.setPriority(Thread.MAX_PRIORITY);
        }

        void run(Runnable task) {
            tasks.add(task);
            selector.wakeup();
        }

        /** On this thread: read the leg's sockets from now on (unless it closed or moved on meanwhile). */
        void register(RtpLeg leg) {
            if (leg.isClosed() || leg.io != this) {
                return;
            }
            try {
                leg.rtpKey = leg.rtp.register(selector, SelectionKey.OP_READ, leg);
                leg.rtcpKey = leg.rtcp.register(selector, SelectionKey.OP_READ, null);
            } catch (IOException | RuntimeException e) {
                if (!leg.isClosed()) {
                    LOG.log(System.Logger.Level.WARNING, "RTP leg " + leg.label() + " could not be registered", e);
                }
            }
        }

        /** On this thread: stop reading the leg's sockets, and forget them at once so another thread may take them. */
        void deregister(RtpLeg leg) {
            SelectionKey rtpKey = leg.rtpKey;
            SelectionKey rtcpKey = leg.rtcpKey;
            if (rtpKey != null && rtpKey.selector() == selector) {
                rtpKey.cancel();
            }
            if (rtcpKey != null && rtcpKey.selector() == selector) {
                rtcpKey.cancel();
            }
            try {
                selector.selectNow(key -> { }); // deregisters the cancelled keys; the others stay ready (level-triggered)
            } catch (IOException | ClosedSelectorException e) {
                // closing
            }
        }

        void closeSelector() {
            try {
                selector.close();
            } catch (IOException ignored) {
                // closing
            }
        }

        private void loop() {
            try {
                while (running) {
                    selector.select(this::ready); // no selected-key set to fill and empty
                    Runnable task;
                    while ((task = tasks.poll()) != null) {
                        task.run();
                    }
                }
            } catch (IOException | ClosedSelectorException e) {
                if (running) {
                    LOG.log(System.Logger.Level.ERROR, "RTP I/O thread stopped", e);
                }
            } finally {
                Runnable task;
                while ((task = tasks.poll()) != null) {
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
         * Up to {@link #DRAIN} datagrams per ready socket and wake-up, until it is empty: when the
         * thread fell behind (a socket holds several packets) this saves a select per packet; at
         * one packet per wake-up it costs one empty receive. The selector is level-triggered, so a
         * socket with more waiting is reported again by the next select.
         */
        private void readRtp(RtpLeg leg) throws IOException {
            for (int i = 0; i < DRAIN; i++) {
                in.clear();
                SocketAddress from = leg.rtp.receive(in);
                if (from == null) {
                    return;
                }
                in.flip();
                received.increment();
                receivedOn[leg.side].increment();
                handle(leg, in, (InetSocketAddress) from, relayOut);
            }
        }
    }

    private void handle(RtpLeg leg, ByteBuffer packet, InetSocketAddress from, ByteBuffer relayOut) {
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
        for (IoLoop loop : loops) {
            loop.selector.wakeup();
        }
        for (IoLoop loop : loops) {
            try {
                loop.thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            loop.closeSelector();
        }
        callbacks.shutdown();
    }
}
