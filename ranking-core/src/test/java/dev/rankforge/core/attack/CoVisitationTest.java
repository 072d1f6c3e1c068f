package dev.rankforge.core.attack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankforge.core.data.SequenceDataset;
import org.junit.jupiter.api.Test;

/** The co-visitation statistics behind the grey-box baseline. */
class CoVisitationTest {

    @Test
    void leadInItemsAreRankedByConditionalProbabilityFromTrainingPartsOnly() {
        // Training parts: 2->4 twice (2 has 3 outgoing), 3->4 twice (3 has 2 outgoing), 5->4 once (below
        // support); the 1->4 pair sits in the test part and is ignored.
        SequenceDataset data = new SequenceDataset(6, new int[][] {
            {2, 4, 5, 4 + 2, 1, 3}, {3, 4, 2, 5, 6, 1}, {5, 2, 4, 6, 3, 1}, {6, 3, 4, 5, 1, 4},
            {2, 1, 6, 5, 4, 6}});
        // strongest (3: 2/2) is last, then 2 (2/3) before it
        assertThat(new CoVisitation(data).pollutionItems(4, 5)).containsExactly(2, 3);
    }
}
