package dev.rankforge.core.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankforge.core.nn.Architectures;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.core.train.Checkpointing;
import dev.rankforge.core.train.TrainConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How one-pass distillation covers the source's prefixes, and which students it refuses. */
class ListDistillationTest {
    /** Sequences of the given lengths (items 1, 2, …) and empty answers: enough to plan an epoch. */
    private static ListSource source(int... lengths) {
        return new ListSource() {
            @Override
            public int size() {
                return lengths.length;
            }

            @Override
            public int[] sequence(int index) {
                return IntStream.rangeClosed(1, lengths[index]).toArray();
            }

            @Override
            public int listLength() {
                return 10;
            }

            @Override
            public int[][] answers(int[] indices, int[] prefixLengths) {
                return new int[indices.length][10];
            }
        };
    }

    @Test
    void anEpochTrainsEveryPrefixOnceInsideItsWindowAndWithinThePassBudget() {
        int maxLength = 6;
        int perPass = 4;
        ListDistillation.OnePassPlan plan = ListDistillation.OnePassPlan.of(source(14, 5, 1), 3, maxLength, perPass);
        Map<String, Integer> seen = new HashMap<>();
        for (int e = 0; e < plan.size(); e++) {
            int[] lengths = plan.prefixLengths(e);
            assertThat(lengths).hasSize(plan.prefixes(e)).isSorted();
            assertThat(lengths.length).isBetween(1, perPass);
            for (int length : lengths) {
                assertThat(length).as("ends inside the window of the %d items before %d", maxLength,
                        plan.windowEnd(e)).isGreaterThan(plan.windowEnd(e) - maxLength).isLessThanOrEqualTo(
                        plan.windowEnd(e));
                seen.merge(plan.sequence(e) + "/" + length, 1, Integer::sum);
            }
        }
        Map<String, Integer> expected = new HashMap<>();
        int[] lengths = {14, 5, 1};
        for (int s = 0; s < lengths.length; s++) {
            for (int length = 1; length <= lengths[s]; length++) {
                expected.put(s + "/" + length, 1);
            }
        }
        assertThat(seen).isEqualTo(expected);
        // 14 items: windows ending at 14, 8 and 2 (6, 6 and 2 prefixes: 2 + 2 + 1 chunks); 5: 2 chunks; 1: one
        assertThat(plan.size()).isEqualTo(8);
    }

    @Test
    void eachPrefixIsReadWhereItsLastItemSitsAfterTheItemsBeforeIt() {
        int maxLength = 6;
        ListSource source = source(14, 5);
        ListDistillation.OnePassPlan plan = ListDistillation.OnePassPlan.of(source, 2, maxLength, 4);
        for (int e = 0; e < plan.size(); e++) {
            int[] sequence = source.sequence(plan.sequence(e));
            long[] row = new long[maxLength + 3];
            plan.fillRow(e, sequence, row, 3);
            for (int length : plan.prefixLengths(e)) {
                int column = 3 + plan.column(e, length);
                assertThat(row[column]).as("the prefix's last item").isEqualTo(sequence[length - 1]);
                // what the student sees up to that column: the prefix's last items, left-padded
                int seen = 0;
                for (int c = column; c >= 3 && row[c] != 0; c--) {
                    assertThat(row[c]).isEqualTo(sequence[length - 1 - seen]);
                    seen++;
                }
                assertThat(seen).isEqualTo(Math.min(length, length - (plan.windowEnd(e) - maxLength)));
            }
        }
    }

    @Test
    void aBidirectionalStudentIsRefusedOnePass() {
        ModelSpec bert = new ModelSpec(Architectures.BERT4REC, 30, 16, 16, 10);
        assertThatThrownBy(() -> new ListDistillation(new TrainConfig(1, 8, 1e-3f, 0f, 5f, 1, 0, 1, "cpu"))
                .train(bert, source(12, 12, 12), new ListDistillation.Settings("margin-rank", 5, 1, true),
                        r -> { }, () -> false, Checkpointing.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("one-pass needs a causal student (gru4rec, narm, sasrec, two-tower), not bert4rec");
    }
}
