package dev.rankforge.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * NARM's prefixes objective encodes every prefix from one GRU pass with a causally masked attention: each prefix's
 * representation must equal NARM's encoding of the input cut right after it (its padding included), the
 * computation the paper's objective trains on that prefix.
 */
class NarmPrefixesTest {
    private static final int BATCH = 3;
    private static final int LENGTH = 7;

    @Test
    void onePassEqualsEveryCutOfTheInputEncodedOnItsOwn() {
        ModelSpec spec = new ModelSpec(Architectures.NARM, 20, 8, 12, LENGTH, 1, 1, 0.25f);
        try (NDManager manager = NDManager.newBaseManager()) {
            Narm narm = new Narm(spec);
            narm.initialize(manager, DataType.FLOAT32, new Shape(BATCH, LENGTH));
            ParameterStore ps = new ParameterStore(manager, false);
            long[] ids = new long[BATCH * LENGTH];
            Random random = new Random(11);
            for (int row = 0; row < BATCH; row++) {
                for (int t = row * 2; t < LENGTH; t++) { // rows left-padded by 0, 2 and 4
                    ids[row * LENGTH + t] = 1 + random.nextInt(20);
                }
            }
            NDArray input = manager.create(ids, new Shape(BATCH, LENGTH));
            NDArray table = narm.itemTable(ps, manager, false);
            NDArray embedded = Embedding.embedding(input, table, SparseFormat.DENSE).singletonOrThrow();
            NDArray mask = input.gt(0).toType(DataType.FLOAT32, false);
            NDArray every = manager.arange(0, LENGTH).toType(DataType.INT64, false).reshape(1, LENGTH)
                    .repeat(0, BATCH);
            float[] onePass = narm.encodeAt(ps, embedded, mask, every, false).toFloatArray();   // [B, T, E]
            int width = spec.embeddingSize();
            for (int t = 0; t < LENGTH; t++) {
                NDIndex upTo = new NDIndex(":, :" + (t + 1));
                float[] alone = narm.encode(ps, embedded.get(upTo), mask.get(upTo), false).toFloatArray(); // [B, 1, E]
                for (int row = 0; row < BATCH; row++) {
                    for (int e = 0; e < width; e++) {
                        assertThat(onePass[(row * LENGTH + t) * width + e])
                                .as("row %d, prefix ending at %d, dimension %d", row, t, e)
                                .isCloseTo(alone[row * width + e], org.assertj.core.data.Offset.offset(1e-5f));
                    }
                }
            }
            float[] last = narm.encode(ps, embedded, mask, false).toFloatArray();
            assertThat(last).as("the last prefix is the whole input").hasSize(BATCH * width);
            assertThat(last[0]).isNotZero();
        }
    }
}
