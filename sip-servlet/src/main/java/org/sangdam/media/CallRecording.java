package org.sangdam.media;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The recording of one call (issue 7 part 5): a two-channel 8 kHz 16-bit WAV file,
 * <b>left = what the customer says, right = what the agent side says</b> (the first
 * agent, then during a consultation the agent talking to the target, and after a
 * transfer the transfer target). Two channels rather than a mix: a listener (or a
 * quality check) can tell who said what, and a mix can always be made from them; the
 * size is the same as a 16 kHz mono file.
 *
 * <p>Each channel is fed by the RTP a {@link MediaLeg} receives ({@link MediaLeg#recordInto}).
 * Channels are kept in step with the wall clock: when a channel has received nothing for
 * longer than {@link #GAP_SAMPLES} (a leg that started later, a phone that stopped
 * sending, the swap of the agent leg at a transfer), silence fills the gap, so both
 * channels stay aligned to the call's time. What the server itself plays (music on hold,
 * announcements) is not taken from our sending side; while the customer is on hold the
 * left channel holds what the customer's phone sends (normally silence or room noise),
 * which is what a supervisor needs to hear.
 *
 * <p>Samples go to one raw file per channel while the call runs. The caller (the media
 * engine's I/O thread, which relays every call's packets) only decodes into a one-second
 * buffer; full buffers are written by one background writer thread, so disk writes never
 * hold up the relay (issue 5: at 1,000 recorded calls the writes took most of the I/O
 * thread). {@link #close()}
 * interleaves them into a temporary file beside the WAV, moves it to the WAV's name in one
 * step and removes the parts, so the WAV file either does not exist yet or is complete
 * (a download never gets half a recording).
 */
public final class CallRecording {
    public static final int CUSTOMER = 0;
    public static final int AGENT = 1;
    /** 100 ms: smaller gaps are jitter, not missing audio */
    static final long GAP_SAMPLES = 800;
    /** one second of one channel */
    private static final int BUFFER_BYTES = 16 * 1024;
    /** buffers written and ready for reuse, at most {@link #SPARE_BUFFERS} */
    private static final ConcurrentLinkedQueue<ByteBuffer> SPARE = new ConcurrentLinkedQueue<>();
    private static final int SPARE_BUFFERS = 512;
    private static final java.util.concurrent.atomic.AtomicInteger SPARES = new java.util.concurrent.atomic.AtomicInteger();
    /**
     * Writes every recording's full buffers in order; its one thread ends when idle, so
     * nothing outlives an undeployment for long.
     */
    private static final ExecutorService WRITER = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "sangdam-recording-writer");
        t.setDaemon(true);
        return t;
    });

    private final Path wav;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final Channel[] channels = new Channel[2];
    private boolean closed;

    public CallRecording(Path wav) throws IOException {
        this(wav, System::nanoTime);
    }

    CallRecording(Path wav, LongSupplier nanoClock) throws IOException {
        this.wav = wav;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        Files.createDirectories(wav.toAbsolutePath().getParent());
        // a WAV already under this name is not this call's (an earlier database's call of the same
        // id): it must not be served as this call's recording while this one is being made
        Files.deleteIfExists(wav);
        for (int i = 0; i < 2; i++) {
            channels[i] = new Channel(wav.resolveSibling(wav.getFileName() + ".ch" + i + ".part"));
        }
    }

    public Path file() {
        return wav;
    }

    /** Appends decoded samples to a channel ({@link #CUSTOMER} or {@link #AGENT}). */
    public synchronized void write(int channel, short[] samples, int count) {
        if (closed) {
            return;
        }
        Channel c = caughtUp(channel, count);
        c.append(samples, count);
    }

    /** the channel, with silence for a gap longer than {@link #GAP_SAMPLES} before {@code count} samples that arrive now */
    private Channel caughtUp(int channel, int count) {
        Channel c = channels[channel];
        long due = (nanoClock.getAsLong() - startNanos) * 8000 / 1_000_000_000L - count;
        if (due - c.samples > GAP_SAMPLES) {
            c.silence(due - c.samples);
        }
        return c;
    }

    /** Decodes a packet's payload straight into a channel: nothing allocated per packet. */
    synchronized void write(int channel, Codec codec, ByteBuffer packet, int offset, int length) {
        if (closed) {
            return;
        }
        Channel c = caughtUp(channel, length);
        for (int i = 0; i < length; i++) {
            c.put(codec.decode(packet.get(offset + i)));
        }
    }

    /**
     * Writes the WAV file (both channels interleaved, the shorter padded with silence)
     * and removes the parts. Idempotent. Takes as long as reading the call back: call it
     * off the call's threads.
     */
    public synchronized Path close() throws IOException {
        if (closed) {
            return wav;
        }
        closed = true;
        for (Channel c : channels) {
            c.finish();
        }
        Future<?> written = WRITER.submit(() -> {
            // queued after every buffer of this recording: once it runs, the parts are complete
        });
        try {
            written.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the recording's last samples were written", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
        for (Channel c : channels) {
            c.file.close();
        }
        long frames = Math.max(channels[0].samples, channels[1].samples);
        Path writing = wav.resolveSibling(wav.getFileName() + ".writing");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(writing), 64 * 1024);
             DataInputStream left = new DataInputStream(new BufferedInputStream(Files.newInputStream(channels[0].part)));
             DataInputStream right = new DataInputStream(new BufferedInputStream(Files.newInputStream(channels[1].part)))) {
            out.write(header(frames * 4).array());
            byte[] frame = new byte[4];
            for (long i = 0; i < frames; i++) {
                readSample(left, frame, 0);
                readSample(right, frame, 2);
                out.write(frame);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(writing);
            throw e;
        } finally {
            for (Channel c : channels) {
                Files.deleteIfExists(c.part);
            }
        }
        Files.move(writing, wav, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return wav;
    }

    /** little-endian sample from a part, or silence past its end */
    private static void readSample(InputStream in, byte[] frame, int at) throws IOException {
        int lo = in.read();
        int hi = lo < 0 ? -1 : in.read();
        frame[at] = (byte) Math.max(lo, 0);
        frame[at + 1] = (byte) Math.max(hi, 0);
        if (lo >= 0 && hi < 0) {
            throw new EOFException("half a sample");
        }
    }

    static ByteBuffer header(long dataBytes) {
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put(new byte[]{'R', 'I', 'F', 'F'}).putInt((int) (36 + dataBytes)).put(new byte[]{'W', 'A', 'V', 'E'});
        h.put(new byte[]{'f', 'm', 't', ' '}).putInt(16).putShort((short) 1).putShort((short) 2)
                .putInt(8000).putInt(8000 * 4).putShort((short) 4).putShort((short) 16);
        h.put(new byte[]{'d', 'a', 't', 'a'}).putInt((int) dataBytes);
        return h.flip();
    }

    private static final class Channel {
        final Path part;
        final FileChannel file;
        ByteBuffer buffer = buffer();
        long samples;
        /** set by the writer when the disk refused a write: later samples are dropped, the call goes on */
        volatile boolean failed;

        Channel(Path part) throws IOException {
            this.part = part;
            this.file = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
        }

        private static ByteBuffer buffer() {
            ByteBuffer b = SPARE.poll();
            if (b == null) {
                return ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            }
            SPARES.decrementAndGet();
            return b.clear();
        }

        void silence(long n) {
            for (long i = 0; i < n; i++) {
                put((short) 0);
            }
        }

        void append(short[] pcm, int count) {
            for (int i = 0; i < count; i++) {
                put(pcm[i]);
            }
        }

        void put(short s) {
            if (buffer.remaining() < 2) {
                flush();
            }
            buffer.putShort(s);
            samples++;
        }

        /** hands the full buffer to the writer and goes on with a fresh one */
        private void flush() {
            ByteBuffer full = buffer.flip();
            buffer = buffer();
            if (failed || !full.hasRemaining()) {
                recycle(full);
                return;
            }
            WRITER.execute(() -> {
                try {
                    while (full.hasRemaining()) {
                        file.write(full);
                    }
                } catch (IOException e) {
                    failed = true; // a full disk must not stop the call's audio: the recording loses these samples
                } finally {
                    recycle(full);
                }
            });
        }

        private static void recycle(ByteBuffer b) {
            if (SPARES.incrementAndGet() <= SPARE_BUFFERS) {
                SPARE.offer(b.clear());
            } else {
                SPARES.decrementAndGet();
            }
        }

        /** the last buffer goes to the writer; the file is closed once the writer has written it */
        void finish() {
            flush();
        }
    }
}
