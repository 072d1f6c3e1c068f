package dev.rankforge.core.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The binary sequence artifact format, version 1 (all integers big-endian 32-bit):
 * <pre>
 *   magic "RFSQ" | version (1) | numUsers | numItems | then per user: length, item ids...
 * </pre>
 * Users appear in dense-id order, items in chronological order. The same dataset always encodes to the
 * same bytes, so the artifact's sha256 identifies its content.
 */
public final class SequenceFile {
    private static final int MAGIC = 0x52465351; // "RFSQ"
    private static final int VERSION = 1;

    private SequenceFile() {
    }

    public static void write(SequenceDataset dataset, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeInt(dataset.numUsers());
        data.writeInt(dataset.numItems());
        for (int u = 0; u < dataset.numUsers(); u++) {
            int[] s = dataset.sequence(u);
            data.writeInt(s.length);
            for (int item : s) {
                data.writeInt(item);
            }
        }
        data.flush();
    }

    public static void write(SequenceDataset dataset, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(dataset, out);
        }
    }

    public static SequenceDataset read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16));
        try {
            if (data.readInt() != MAGIC) {
                throw new IOException("not a Rankforge sequence file (bad magic)");
            }
            int version = data.readInt();
            if (version != VERSION) {
                throw new IOException("unsupported sequence file version " + version);
            }
            int users = data.readInt();
            int items = data.readInt();
            int[][] sequences = new int[users][];
            for (int u = 0; u < users; u++) {
                int[] s = new int[data.readInt()];
                for (int i = 0; i < s.length; i++) {
                    s[i] = data.readInt();
                }
                sequences[u] = s;
            }
            return new SequenceDataset(items, sequences);
        } catch (EOFException e) {
            throw new IOException("truncated sequence file", e);
        }
    }

    public static SequenceDataset read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }
}
