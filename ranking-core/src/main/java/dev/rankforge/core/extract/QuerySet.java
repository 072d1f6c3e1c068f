package dev.rankforge.core.extract;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated query sequences with the black box's answer to every prefix, kept as an artifact so that training
 * a student again (another loss, another architecture) costs no further queries.
 *
 * <p>Answers dominate the size (one list of k ids per query: the paper's budget of 1M queries at k = 100 is 100M
 * ids), so they are held in 16 bits per id whenever the catalogue has fewer than 65,536 items (200 MB at that
 * budget rather than 400), in 32 bits otherwise.
 *
 * <p>Binary layout (big-endian): magic {@code RFQS}, format version (2), item count, list length k, queries spent,
 * sequence count, bytes per answer id (2 or 4); then per sequence its length T, T item ids (4 bytes each) and T×k
 * answer ids (row t answers the prefix of length t + 1; 0 pads short answers). Format 1 (4-byte answers, no
 * width field) is still read.
 */
public final class QuerySet implements ListSource {
    private static final int MAGIC = 0x52465153; // "RFQS"
    private static final int FORMAT = 2;

    private final int numItems;
    private final int topK;
    private final long queriesSpent;
    private final int[][] sequences;
    /** Answers when ids fit in 16 bits (read unsigned), else null. */
    private final char[][] narrowAnswers;
    /** Answers when they do not, else null. */
    private final int[][] wideAnswers;

    public QuerySet(int numItems, int topK, long queriesSpent, int[][] sequences, int[][] answers) {
        this(build(numItems, topK, queriesSpent, sequences, answers));
    }

    private QuerySet(Builder built) {
        this.numItems = built.numItems;
        this.topK = built.topK;
        this.queriesSpent = built.queriesSpent;
        this.sequences = built.sequences.toArray(int[][]::new);
        this.narrowAnswers = built.narrow ? built.narrowAnswers.toArray(char[][]::new) : null;
        this.wideAnswers = built.narrow ? null : built.wideAnswers.toArray(int[][]::new);
    }

    private static Builder build(int numItems, int topK, long queriesSpent, int[][] sequences, int[][] answers) {
        if (sequences.length != answers.length) {
            throw new IllegalArgumentException("one answer block per sequence is needed");
        }
        Builder builder = new Builder(numItems, topK);
        for (int i = 0; i < sequences.length; i++) {
            builder.add(sequences[i], answers[i]);
        }
        return builder.spent(queriesSpent);
    }

    /** Collects sequences one at a time, packing each answer block as it arrives. */
    public static final class Builder {
        private final int numItems;
        private final int topK;
        private final boolean narrow;
        private final List<int[]> sequences = new ArrayList<>();
        private final List<char[]> narrowAnswers = new ArrayList<>();
        private final List<int[]> wideAnswers = new ArrayList<>();
        private long queriesSpent;

        public Builder(int numItems, int topK) {
            if (numItems < 1 || topK < 1) {
                throw new IllegalArgumentException("numItems and topK must be positive");
            }
            this.numItems = numItems;
            this.topK = topK;
            this.narrow = numItems <= Character.MAX_VALUE;
        }

        /** Adds a sequence and its T×k answer ids; {@code answers} is copied or packed, never kept. */
        public Builder add(int[] sequence, int[] answers) {
            if (answers.length != sequence.length * topK) {
                throw new IllegalArgumentException("sequence " + sequences.size() + " needs "
                        + sequence.length * topK + " answer ids, has " + answers.length);
            }
            sequences.add(sequence.clone());
            if (narrow) {
                char[] packed = new char[answers.length];
                for (int j = 0; j < answers.length; j++) {
                    packed[j] = (char) checkId(answers[j]);
                }
                narrowAnswers.add(packed);
            } else {
                for (int id : answers) {
                    checkId(id);
                }
                wideAnswers.add(answers.clone());
            }
            return this;
        }

        public Builder spent(long queries) {
            this.queriesSpent = queries;
            return this;
        }

        public QuerySet build() {
            return new QuerySet(this);
        }

        private int checkId(int id) {
            if (id < 0 || id > numItems) {
                throw new IllegalArgumentException("answer id " + id + " outside 0.." + numItems);
            }
            return id;
        }
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
        int[] out = new int[topK];
        if (narrowAnswers != null) {
            char[] block = narrowAnswers[index];
            for (int r = 0; r < topK; r++) {
                out[r] = block[from + r];
            }
        } else {
            System.arraycopy(wideAnswers[index], from, out, 0, topK);
        }
        return out;
    }

    @Override
    public int[][] answers(int[] indices, int[] prefixLengths) {
        int[][] out = new int[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = answer(indices[i], prefixLengths[i]);
        }
        return out;
    }

    /** Bytes the answers take in memory: 2 per id below 65,536 items, 4 above. */
    public long answerBytes() {
        long ids = 0;
        for (int[] sequence : sequences) {
            ids += (long) sequence.length * topK;
        }
        return ids * (narrowAnswers != null ? 2 : 4);
    }

    public void write(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(numItems);
        out.writeInt(topK);
        out.writeLong(queriesSpent);
        out.writeInt(sequences.length);
        out.writeInt(narrowAnswers != null ? 2 : 4);
        for (int i = 0; i < sequences.length; i++) {
            out.writeInt(sequences[i].length);
            for (int item : sequences[i]) {
                out.writeInt(item);
            }
            if (narrowAnswers != null) {
                for (char id : narrowAnswers[i]) {
                    out.writeChar(id);
                }
            } else {
                for (int id : wideAnswers[i]) {
                    out.writeInt(id);
                }
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
        if (format != 1 && format != FORMAT) {
            throw new IOException("unsupported query set format " + format);
        }
        int numItems = in.readInt();
        int topK = in.readInt();
        long spent = in.readLong();
        int n = in.readInt();
        int idBytes = format == 1 ? 4 : in.readInt();
        if (idBytes != 2 && idBytes != 4) {
            throw new IOException("unsupported answer id width " + idBytes);
        }
        Builder builder = new Builder(numItems, topK).spent(spent);
        for (int i = 0; i < n; i++) {
            int length = in.readInt();
            int[] sequence = new int[length];
            for (int t = 0; t < length; t++) {
                sequence[t] = in.readInt();
            }
            int[] answers = new int[length * topK];
            for (int j = 0; j < answers.length; j++) {
                answers[j] = idBytes == 2 ? in.readChar() : in.readInt();
            }
            builder.add(sequence, answers);
        }
        return builder.build();
    }
}
