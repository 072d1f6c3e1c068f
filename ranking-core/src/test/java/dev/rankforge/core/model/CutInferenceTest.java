package dev.rankforge.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.rankforge.core.nn.Architectures;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.nn.SequenceBatches;
import dev.rankforge.core.nn.SequenceRecommender;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Inference cuts a batch to its longest history (and splits it by length) instead of padding every row to
 * {@code maxLength}: the scores must be those of the rows padded to {@code maxLength}, for every architecture —
 * transformers number the cut columns from their place in the whole row, GRUs start from the state the padding
 * leads to.
 */
class CutInferenceTest {
    private static final int ITEMS = 40;
    private static final int MAX_LENGTH = 40;

    @ParameterizedTest
    @ValueSource(strings = {Architectures.GRU4REC, Architectures.NARM, Architectures.SASREC, Architectures.BERT4REC,
        Architectures.CASER, "two-tower/mean", "two-tower/gru", "two-tower/self-attention"})
    void scoresOfCutRowsEqualScoresOfRowsPaddedToMaxLength(String architecture) {
        ModelSpec spec = new ModelSpec(architecture.split("/")[0], ITEMS, 8, 12, MAX_LENGTH, 2, 2, 0.1f,
                architecture.contains("/") ? architecture.split("/")[1] : null, architecture.contains("/") ? 0.1f : null);
        SequenceRecommender block = Architectures.build(spec);
        Model model = Model.newInstance(architecture);
        model.setBlock(block);
        block.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, MAX_LENGTH));
        try (ScoringModel scoring = new ScoringModel(spec, model)) {
            Random random = new Random(3);
            int[][] histories = new int[16][];
            for (int i = 0; i < histories.length; i++) { // empty, short ones (one pass) and long ones (another)
                int length = i == 0 ? 0 : i < 8 ? random.nextInt(7) + 1 : MAX_LENGTH - 10 + random.nextInt(16);
                histories[i] = random.ints(length, 1, ITEMS + 1).toArray();
            }
            float[][] cut = scoring.score(histories);
            int[][] top = scoring.recommend(histories, histories, 5);
            for (int i = 0; i < histories.length; i++) {
                float[] whole = paddedToMaxLength(block, model, histories[i]);
                float spread = spread(whole);
                if (histories[i].length > 0) {
                    assertThat(spread).as("%s scores items differently", architecture).isPositive();
                }
                assertThat(Arrays.copyOfRange(cut[i], 1, ITEMS + 1))
                        .as("%s, history of %d items", architecture, histories[i].length)
                        .containsExactly(Arrays.copyOfRange(whole, 1, ITEMS + 1), within(1e-4f * spread));
                // compared by score: ties (an empty history scores every item alike) may come in any order
                assertThat(scoresOf(top[i], whole)).as("%s top-5, history of %d items", architecture,
                        histories[i].length).containsExactly(scoresOf(topK(whole, histories[i], 5), whole),
                        within(1e-4f));
            }
        }
    }

    @Test
    void mixedLengthsAreSplitIntoPassesOfSimilarLength() {
        Random random = new Random(5);
        int[] mixed = random.ints(50, 1, 201).toArray();
        List<int[]> passes = LengthGroups.of(mixed, 256, 300);
        assertThat(passes).as("50 histories of 1..200 items").hasSizeGreaterThan(1);
        Set<Integer> seen = new HashSet<>();
        long padded = 0;
        for (int[] pass : passes) {
            int longest = Arrays.stream(pass).map(i -> mixed[i]).max().orElseThrow();
            padded += (long) pass.length * longest;
            Arrays.stream(pass).forEach(seen::add);
        }
        assertThat(seen).as("every row in exactly one pass").hasSize(50);
        assertThat(padded).as("fewer padded positions than one pass at 200").isLessThan(50L * 200 * 2 / 3);

        int[] equal = new int[50];
        Arrays.fill(equal, 120);
        assertThat(LengthGroups.of(equal, 256, 300)).as("histories of one length: one pass").hasSize(1);
        assertThat(LengthGroups.of(equal, 16, 300)).as("at most maxRows per pass").allMatch(p -> p.length <= 16);
        assertThat(LengthGroups.of(mixed, 256, 2500)).as("a dear pass (recurrent models): fewer passes")
                .hasSizeLessThan(passes.size());
    }

    private static float[] paddedToMaxLength(SequenceRecommender block, Model model, int[] history) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            int[] input = block.inferenceInput(history);
            NDList ids = new NDList(manager.create(SequenceBatches.leftPad(new int[][] {input}, MAX_LENGTH),
                    new Shape(1, MAX_LENGTH)));
            return block.forward(new ParameterStore(manager, false), ids, false).singletonOrThrow().toFloatArray();
        }
    }

    /** The range of the item scores (column 0 is padding): tolerances are relative to it. */
    private static float spread(float[] scores) {
        float low = Float.POSITIVE_INFINITY;
        float high = Float.NEGATIVE_INFINITY;
        for (int item = 1; item < scores.length; item++) {
            low = Math.min(low, scores[item]);
            high = Math.max(high, scores[item]);
        }
        return high - low;
    }

    private static float[] scoresOf(int[] items, float[] scores) {
        float[] out = new float[items.length];
        for (int j = 0; j < items.length; j++) {
            out[j] = scores[items[j]];
        }
        return out;
    }

    private static int[] topK(float[] scores, int[] history, int k) {
        Set<Integer> excluded = new HashSet<>();
        Arrays.stream(history).forEach(excluded::add);
        return java.util.stream.IntStream.rangeClosed(1, ITEMS).filter(item -> !excluded.contains(item)).boxed()
                .sorted((a, b) -> Float.compare(scores[b], scores[a])).limit(k).mapToInt(Integer::intValue).toArray();
    }
}
