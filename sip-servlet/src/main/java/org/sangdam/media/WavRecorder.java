package org.sangdam.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes 8 kHz 16-bit mono PCM to a WAV file; the RIFF sizes are filled in on close. */
final class WavRecorder {
    private final FileChannel file;
    private final ByteBuffer buffer = ByteBuffer.allocate(2 * 1024).order(ByteOrder.LITTLE_ENDIAN);
    private long dataBytes;
    private boolean closed;

    WavRecorder(Path path) throws IOException {
        file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        file.write(header(0));
    }

    static ByteBuffer header(long dataBytes) {
        ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        h.put(new byte[]{'R', 'I', 'F', 'F'}).putInt((int) (36 + dataBytes)).put(new byte[]{'W', 'A', 'V', 'E'});
        h.put(new byte[]{'f', 'm', 't', ' '}).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16);
        h.put(new byte[]{'d', 'a', 't', 'a'}).putInt((int) dataBytes);
        return h.flip();
    }

    /** G.711 payload bytes, decoded with {@code codec}. */
    synchronized void write(Codec codec, ByteBuffer packet, int offset, int length) {
        if (closed) {
            return;
        }
        try {
            for (int i = 0; i < length; i++) {
                if (buffer.remaining() < 2) {
                    flush();
                }
                buffer.putShort(codec.decode(packet.get(offset + i)));
            }
            flush();
        } catch (IOException e) {
            closeQuietly();
        }
    }

    private void flush() throws IOException {
        buffer.flip();
        dataBytes += buffer.remaining();
        while (buffer.hasRemaining()) {
            file.write(buffer);
        }
        buffer.clear();
    }

    synchronized void close() {
        if (closed) {
            return;
        }
        try {
            file.write(header(dataBytes), 0);
        } catch (IOException ignored) {
            // the samples are there; only the sizes are missing
        }
        closeQuietly();
    }

    private void closeQuietly() {
        closed = true;
        try {
            file.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }
}
