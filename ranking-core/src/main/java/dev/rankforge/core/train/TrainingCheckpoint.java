package dev.rankforge.core.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a training run needs to continue after its process died, taken at the end of an epoch: the
 * current parameters and optimizer state, plus the best epoch so far with its parameters and validation
 * metrics. Resuming from it reproduces the uninterrupted run (each epoch's randomness is seeded from the run's
 * seed and the epoch number).
 *
 * <p>Binary layout (big-endian): magic {@code RFCK}, format version, epochs done, best epoch, validation
 * metric count and (name, value) pairs, then three length-prefixed blobs: parameters, best parameters, optimizer
 * state.
 */
public record TrainingCheckpoint(int epochsDone, int bestEpoch, Map<String, Double> bestValidation,
                                 byte[] parameters, byte[] bestParameters, byte[] optimizerState) {
    private static final int MAGIC = 0x5246434B; // "RFCK"

    /**
     * The start of a fine-tuning run: another model's parameters, no epoch done, fresh optimizer state. Never
     * written: the loop's first checkpoint after epoch 1 replaces it.
     */
    public static TrainingCheckpoint startingFrom(byte[] parameters) {
        return new TrainingCheckpoint(0, 0, Map.of(), parameters, null, null);
    }
    private static final int FORMAT = 1;

    public void write(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(epochsDone);
        out.writeInt(bestEpoch);
        out.writeInt(bestValidation.size());
        for (Map.Entry<String, Double> metric : bestValidation.entrySet()) {
            out.writeUTF(metric.getKey());
            out.writeDouble(metric.getValue());
        }
        for (byte[] blob : new byte[][] {parameters, bestParameters, optimizerState}) {
            out.writeInt(blob.length);
            out.write(blob);
        }
        out.flush();
    }

    public static TrainingCheckpoint read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != MAGIC) {
            throw new IOException("not a Rankforge training checkpoint");
        }
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("unsupported checkpoint format " + format);
        }
        int epochsDone = in.readInt();
        int bestEpoch = in.readInt();
        Map<String, Double> validation = new TreeMap<>();
        int metrics = in.readInt();
        for (int i = 0; i < metrics; i++) {
            validation.put(in.readUTF(), in.readDouble());
        }
        return new TrainingCheckpoint(epochsDone, bestEpoch, validation, blob(in), blob(in), blob(in));
    }

    private static byte[] blob(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }
}
