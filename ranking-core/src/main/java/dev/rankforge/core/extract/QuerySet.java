package dev.rankforge.core.extract;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Generated query sequences with the black box's answer to every prefix, kept as an artifact so that training
 * a student again (another loss, another architecture) costs no further queries.
 *
 * <p>Binary layout (big-endian): magic {@code RFQS}, format version, item count, list length k, queries spent,
 * sequence count; then per sequence its length T, T item ids and T×k answer ids (row t answers the prefix of
 * length t + 1; 0 pads short answers).
 */
public final class QuerySet implements ListSource {
    private static final int MAGIC = 0x52465153; // "RFQS"
    private static final int FORMAT = 1;

    private final int numItems;
    private final int topK;
    private final long queriesSpent;
    private final int[][] sequences;
    private final int[][] answers;

    public QuerySet(int numItems, int topK, long queriesSpent, int[][] sequences, int[][] answers) {
        if (sequences.length != answers.length) {
            throw new IllegalArgumentException("one answer block per sequence is needed");
        }
        for (int i = 0; i < sequences.length; i++) {
            if (answers[i].length != sequences[i].length * topK) {
                throw new IllegalArgumentException("sequence " + i + " needs " + sequences[i].length * topK
                        + " answer ids, has " + answers[i].length);
            }
        }
        this.numItems = numItems;
        this.topK = topK;
        this.queriesSpent = queriesSpent;
        this.sequences = sequences;
        this.answers = answers;
    }

    public int numItems() {
        return numItems;
    }

    /** Queries the black box answered to build this set (one per prefix). */
    public long queriesSpent() {
        return queriesSpent;
    }

    @Override
    public int size() {
        return sequences.length;
    }

    @Override
    public int[] sequence(int index) {
        return sequences[index];
    }

    @Override
    public int listLength() {
        return topK;
    }

    /** The recorded answer to the prefix of length {@code prefixLength} of sequence {@code index}. */
    public int[] answer(int index, int prefixLength) {
        int from = (prefixLength - 1) * topK;
        return Arrays.copyOfRange(answers[index], from, from + topK);
    }

    @Override
    public int[][] answers(int[] indices, int[] prefixLengths) {
        int[][] out = new int[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = answer(indices[i], prefixLengths[i]);
        }
        return out;
    }

    public void write(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(numItems);
        out.writeInt(topK);
        out.writeLong(queriesSpent);
        out.writeInt(sequences.length);
        for (int i = 0; i < sequences.length; i++) {
            out.writeInt(sequences[i].length);
            for (int item : sequences[i]) {
                out.writeInt(item);
            }
            for (int item : answers[i]) {
                out.writeInt(item);
            }
        }
        out.flush();
    }

    public static QuerySet read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a Rankforge query set");
        }
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("unsupported query set format " + format);
        }
        int numItems = in.readInt();
        int topK = in.readInt();
        long spent = in.readLong();
        int n = in.readInt();
        int[][] sequences = new int[n][];
        int[][] answers = new int[n][];
        for (int i = 0; i < n; i++) {
            int length = in.readInt();
            sequences[i] = new int[length];
            for (int t = 0; t < length; t++) {
                sequences[i][t] = in.readInt();
            }
            answers[i] = new int[length * topK];
            for (int j = 0; j < answers[i].length; j++) {
                answers[i][j] = in.readInt();
            }
        }
        return new QuerySet(numItems, topK, spent, sequences, answers);
    }
}
