package dev.rankforge.core.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TrainingBatchTest {
    private static final int[][] SEQUENCES = {{5, 6, 7, 8}, {9, 3}};

    @Test
    void allPositionsShiftsTargetsByOneAndLeftPads() {
        TrainingBatch b = TrainingBatch.of(Objective.NEXT_ITEM_ALL_POSITIONS, SEQUENCES, 4, 10, 0.2f, new Random(1));
        assertThat(b.inputs()).containsExactly(0, 5, 6, 7, 0, 0, 0, 9);
        assertThat(b.targets()).containsExactly(0, 6, 7, 8, 0, 0, 0, 3);
        assertThat(b.negatives()).isNull();
    }

    @Test
    void sampledNegativesSitExactlyWhereTargetsAreAndAvoidTheUsersItems() {
        TrainingBatch b = TrainingBatch.of(Objective.NEXT_ITEM_SAMPLED_BCE, SEQUENCES, 4, 200, 0.2f, new Random(1));
        for (int i = 0; i < b.targets().length; i++) {
            assertThat(b.negatives()[i] == 0).isEqualTo(b.targets()[i] == 0);
        }
        assertThat(b.negatives()).doesNotContain(5L, 6L, 7L, 8L);
    }

    @Test
    void lastPositionPredictsTheItemAfterARandomPrefix() {
        TrainingBatch b = TrainingBatch.of(Objective.NEXT_ITEM_LAST_POSITION, SEQUENCES, 4, 10, 0.2f, new Random(3));
        assertThat(b.targetLength()).isEqualTo(1);
        assertThat(b.targets()[1]).isEqualTo(3);                      // the only cut of {9, 3}
        assertThat(b.inputs()[0]).isZero();
        assertThat(b.targets()[0]).isIn(6L, 7L, 8L);
    }

    @Test
    void prefixesScoreEveryPrefixWhenTheyFitAndPointPastTheRestAtNoTarget() {
        TrainingBatch b = TrainingBatch.of(Objective.NEXT_ITEM_PREFIXES, SEQUENCES, 4, 10, 0.2f, 4, new Random(1));
        assertThat(b.inputs()).containsExactly(0, 5, 6, 7, 0, 0, 0, 9);
        assertThat(b.targetLength()).isEqualTo(3);                  // three pairs at most: (5,6), (6,7), (7,8)
        assertThat(b.positions()).containsExactly(1, 2, 3, 3, 3, 3);
        assertThat(b.targets()).containsExactly(6, 7, 8, 3, 0, 0);
    }

    @Test
    void prefixesBeyondTheBudgetAreARandomOrderedSubsetWithTheirTargets() {
        int[][] longOne = {{1, 2, 3, 4, 5, 6, 7, 8, 9}};
        TrainingBatch b = TrainingBatch.of(Objective.NEXT_ITEM_PREFIXES, longOne, 8, 10, 0.2f, 3, new Random(5));
        assertThat(b.positions()).hasSize(3).isSorted().doesNotHaveDuplicates();
        for (int i = 0; i < 3; i++) {
            int position = (int) b.positions()[i];
            assertThat(b.targets()[i]).as("the item after input position " + position)
                    .isEqualTo(b.inputs()[position] + 1);
        }
        assertThat(TrainingBatch.prefixesPerRow(128, 200, 128)).isEqualTo(20);
        assertThat(TrainingBatch.prefixesPerRow(128, 50, 64)).isEqualTo(50);
    }

    @Test
    void maskedItemHidesAtLeastOneItemBehindTheMaskToken() {
        for (int seed = 0; seed < 20; seed++) {
            TrainingBatch b = TrainingBatch.of(Objective.MASKED_ITEM, SEQUENCES, 4, 10, 0.2f, new Random(seed));
            for (int row = 0; row < 2; row++) {
                int masked = 0;
                for (int i = row * 4; i < row * 4 + 4; i++) {
                    if (b.targets()[i] != 0) {
                        masked++;
                        assertThat(b.inputs()[i]).isEqualTo(11L);
                    }
                }
                assertThat(masked).isPositive();
            }
        }
    }

    @Test
    void clozeLastMasksEveryRowsLastItemBesidesRandomOnes() {
        int[][] longer = {{1, 2, 3, 4, 5, 6, 7, 8}, {9, 10, 11, 12, 13, 14, 15, 16}};
        int randomMasks = 0;
        for (int seed = 0; seed < 20; seed++) {
            TrainingBatch b = TrainingBatch.of(Objective.MASKED_ITEM_AND_LAST, longer, 8, 20, 0.3f, new Random(seed));
            for (int row = 0; row < 2; row++) {
                int last = row * 8 + 7;
                assertThat(b.inputs()[last]).as("the last item hidden behind the mask token").isEqualTo(21L);
                assertThat(b.targets()[last]).isEqualTo(longer[row][7]);
                for (int i = row * 8; i < last; i++) {
                    if (b.targets()[i] != 0) {
                        randomMasks++;
                        assertThat(b.inputs()[i]).isEqualTo(21L);
                        assertThat(b.targets()[i]).isEqualTo(longer[row][i - row * 8]);
                    } else {
                        assertThat(b.inputs()[i]).isEqualTo(longer[row][i - row * 8]);
                    }
                }
            }
        }
        assertThat(randomMasks).as("random masks as well, about 0.3 of 7 positions x 40 rows").isBetween(40, 130);
    }

    @Test
    void clozeLastMasksTheLastItemOfShortAndCutRowsAndLeavesPaddingAlone() {
        int[][] rows = {{9, 3}, {1, 2, 3, 4, 5, 6}};
        TrainingBatch b = TrainingBatch.of(Objective.MASKED_ITEM_AND_LAST, rows, 4, 20, 0.01f, new Random(7));
        assertThat(b.inputs()).startsWith(0L, 0L).contains(21L);
        assertThat(b.targets()[0]).isZero();
        assertThat(b.targets()[1]).isZero();
        assertThat(b.inputs()[3]).isEqualTo(21L);
        assertThat(b.targets()[3]).as("the short row's last item").isEqualTo(3L);
        assertThat(b.inputs()[7]).isEqualTo(21L);
        assertThat(b.targets()[7]).as("the cut row's last item").isEqualTo(6L);
    }
}
