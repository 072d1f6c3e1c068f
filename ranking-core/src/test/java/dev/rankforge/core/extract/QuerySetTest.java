package dev.rankforge.core.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;

class QuerySetTest {
    private static final int[][] SEQUENCES = {{3, 1}, {2, 4}};
    private static final int K = 3;

    private static int[][] answers(int top) {
        return new int[][] {{top, 2, 0, 4, top - 1, 1}, {1, 3, 5, top, 0, 0}};
    }

    @Test
    void idsBelow65536AreHeldInTwoBytesAndReadBackUnsigned() throws Exception {
        int items = 65_535;
        QuerySet set = new QuerySet(items, K, 4, SEQUENCES, answers(items));
        assertThat(set.answerBytes()).isEqualTo(2L * 2 * 2 * K);
        assertThat(set.answer(0, 1)).containsExactly(items, 2, 0);
        assertThat(set.answer(0, 2)).containsExactly(4, items - 1, 1);
        QuerySet read = roundTrip(set);
        assertThat(read.answer(1, 2)).containsExactly(items, 0, 0);
        assertThat(read.answerBytes()).isEqualTo(set.answerBytes());
        assertThat(read.queriesSpent()).isEqualTo(4);
    }

    @Test
    void largerCataloguesKeepFourBytesPerId() throws Exception {
        int items = 70_000;
        QuerySet set = new QuerySet(items, K, 4, SEQUENCES, answers(items));
        assertThat(set.answerBytes()).isEqualTo(4L * 2 * 2 * K);
        assertThat(roundTrip(set).answer(0, 1)).containsExactly(items, 2, 0);
    }

    @Test
    void theFirstFormatIsStillRead() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x52465153);
        out.writeInt(1);
        out.writeInt(10);
        out.writeInt(2);
        out.writeLong(2);
        out.writeInt(1);
        out.writeInt(2);
        out.writeInt(7);
        out.writeInt(8);
        for (int id : new int[] {1, 2, 3, 4}) {
            out.writeInt(id);
        }
        QuerySet read = QuerySet.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(read.sequence(0)).containsExactly(7, 8);
        assertThat(read.answer(0, 2)).containsExactly(3, 4);
    }

    @Test
    void idsOutsideTheCatalogueAreRefused() {
        assertThatThrownBy(() -> new QuerySet(5, K, 4, SEQUENCES, answers(6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("answer id 6 outside 0..5");
        assertThatThrownBy(() -> new QuerySet.Builder(5, K).add(new int[] {1}, new int[] {1, 2}))
                .hasMessageContaining("needs 3 answer ids, has 2");
    }

    private static QuerySet roundTrip(QuerySet set) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        set.write(bytes);
        return QuerySet.read(new ByteArrayInputStream(bytes.toByteArray()));
    }
}
