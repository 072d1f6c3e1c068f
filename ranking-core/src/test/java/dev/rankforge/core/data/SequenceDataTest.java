package dev.rankforge.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class SequenceDataTest {

    @Test
    void leaveOneOutSplitTakesLastTwoItems() {
        SequenceDataset data = new SequenceDataset(9, new int[][] {{5, 6, 7, 8, 9}});
        assertThat(data.trainSequence(0)).containsExactly(5, 6, 7);
        assertThat(data.validationItem(0)).isEqualTo(8);
        assertThat(data.testHistory(0)).containsExactly(5, 6, 7, 8);
        assertThat(data.testItem(0)).isEqualTo(9);
        assertThat(data.trainPopularity()[5]).isEqualTo(1);
        assertThat(data.trainPopularity()[9]).isZero();
    }

    @Test
    void rejectsPaddingIdsAndShortSequences() {
        assertThatThrownBy(() -> new SequenceDataset(5, new int[][] {{1, 0, 2}}))
                .hasMessageContaining("outside 1..5");
        assertThatThrownBy(() -> new SequenceDataset(5, new int[][] {{1, 2}}))
                .hasMessageContaining("fewer than 3");
    }

    @Test
    void sequenceFileRoundTripsByteForByte() throws IOException {
        SequenceDataset data = SyntheticGenerator.generate(new SyntheticSpec(50, 40, 8, 1.0, 0.5, 7));
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        SequenceFile.write(data, first);
        SequenceDataset back = SequenceFile.read(new ByteArrayInputStream(first.toByteArray()));
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        SequenceFile.write(back, second);
        assertThat(second.toByteArray()).isEqualTo(first.toByteArray());
        assertThat(back.numItems()).isEqualTo(40);
        assertThat(back.sequence(3)).isEqualTo(data.sequence(3));
    }

    @Test
    void truncatedFileIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SequenceFile.write(new SequenceDataset(5, new int[][] {{1, 2, 3}}), out);
        byte[] cut = Arrays.copyOf(out.toByteArray(), out.size() - 2);
        assertThatThrownBy(() -> SequenceFile.read(new ByteArrayInputStream(cut))).hasMessageContaining("truncated");
    }

    @Test
    void generatorIsDeterministicPowerLawAndRepeatFree() {
        SyntheticSpec spec = new SyntheticSpec(400, 100, 15, 1.0, 0.7, 11);
        SequenceDataset a = SyntheticGenerator.generate(spec);
        SequenceDataset b = SyntheticGenerator.generate(spec);
        long[] popularity = a.trainPopularity();
        long head = 0;
        long tail = 0;
        for (int item = 1; item <= 100; item++) {
            if (item <= 10) {
                head += popularity[item];
            } else if (item > 90) {
                tail += popularity[item];
            }
        }
        assertThat(head).as("top-10 items are far more popular than the bottom 10").isGreaterThan(3 * tail);
        for (int u = 0; u < a.numUsers(); u++) {
            assertThat(a.sequence(u)).isEqualTo(b.sequence(u));
            assertThat(new HashSet<>(Arrays.stream(a.sequence(u)).boxed().toList())).hasSize(a.sequence(u).length);
        }
    }
}
