package dev.rankforge.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UserItemPairsReaderTest {

    @Test
    void fileOrderIsTimeOrderAndItemsGetDenseIdsByOriginalId() throws Exception {
        String pairs = "7 300\n7 100\n7 200\n\n2 100\n2 300\n2 200\n2 400\n";
        SequenceDataset data = UserItemPairsReader.read(new ByteArrayInputStream(pairs.getBytes(StandardCharsets.UTF_8)));
        assertThat(data.numItems()).isEqualTo(4);
        assertThat(data.numUsers()).isEqualTo(2);
        assertThat(data.sequence(0)).containsExactly(3, 1, 2);    // user 7 first: 300, 100, 200
        assertThat(data.sequence(1)).containsExactly(1, 3, 2, 4);
    }

    @Test
    void badLinesNameTheLine() {
        assertThatThrownBy(() -> UserItemPairsReader.read(new ByteArrayInputStream("1 2\n1 x\n".getBytes())))
                .hasMessageContaining("line 2");
    }
}
