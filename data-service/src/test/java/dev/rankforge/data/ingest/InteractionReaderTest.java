package dev.rankforge.data.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SequenceFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Every supported format and compression, detection, malformed-line policies and preprocessing rules. */
class InteractionReaderTest {
    private static final PreprocessingSpec KEEP_ALL = new PreprocessingSpec(null, 0, 0, false, false, null);

    /** Three users (u1..u3) with items a..e; u1's lines are written newest first. */
    private static final String[][] EVENTS = {
        {"1", "10", "5", "300"}, {"1", "11", "4", "200"}, {"1", "12", "3", "100"},
        {"2", "10", "5", "100"}, {"2", "12", "2", "200"}, {"2", "13", "4", "300"},
        {"3", "11", "1", "100"}, {"3", "13", "5", "200"}, {"3", "14", "4", "300"},
    };

    @Test
    void everyFormatReadsTheSameInteractions() throws IOException {
        List<String> ml100k = new ArrayList<>();
        List<String> dat = new ArrayList<>();
        List<String> csv = new ArrayList<>(List.of("userId,movieId,rating,timestamp"));
        List<String> amazon = new ArrayList<>();
        List<String> amazonJson = new ArrayList<>();
        List<String> steam = new ArrayList<>();
        List<String> generic = new ArrayList<>(List.of("ts;who;what"));
        for (String[] e : EVENTS) {
            ml100k.add(String.join("\t", e));
            dat.add(String.join("::", e));
            csv.add(String.join(",", e[0], e[1], e[2] + ".0", e[3]));
            amazon.add(String.join(",", e));
            amazonJson.add("{\"reviewerID\": \"" + e[0] + "\", \"asin\": \"" + e[1] + "\", \"overall\": " + e[2]
                    + ".0, \"unixReviewTime\": " + e[3] + ", \"reviewText\": \"fine\"}");
            steam.add("{'username': '" + e[0] + "', 'product_id': '" + e[1] + "', 'date': '2017-01-0"
                    + (Integer.parseInt(e[3]) / 100) + "', 'text': 'ok'}");
            generic.add(e[3] + ";" + e[0] + ";" + e[1]);
        }
        int[][] expected = {{1, 2, 3}, {1, 3, 4}, {2, 4, 5}};
        assertSequences(read(ml100k, null, InteractionReader.OnMalformed.FAIL, "u.data"), InputFormat.MOVIELENS_100K,
                reversedFirst(expected));
        assertSequences(read(dat, null), InputFormat.MOVIELENS_DAT, reversedFirst(expected));
        assertSequences(read(csv, null), InputFormat.MOVIELENS_CSV, reversedFirst(expected));
        assertSequences(read(amazon, null), InputFormat.AMAZON_CSV, reversedFirst(expected));
        assertSequences(read(amazonJson, null), InputFormat.AMAZON_JSON, reversedFirst(expected));
        assertSequences(read(steam, null), InputFormat.STEAM_JSON, reversedFirst(expected));
        InteractionReader.Result g = InteractionReader.read(bytes(generic), new InteractionReader.Options(
                InputFormat.GENERIC, new ColumnMapping(";", true, 1, 2, -1, 0), null,
                InteractionReader.OnMalformed.FAIL, null));
        assertSequences(g, InputFormat.GENERIC, reversedFirst(expected));
    }

    @Test
    void userItemPairsKeepFileOrder() throws IOException {
        List<String> lines = List.of("7 30", "7 10", "7 20", "8 10", "8 20", "8 30");
        InteractionReader.Result r = read(lines, null);
        assertThat(r.format()).isEqualTo(InputFormat.USER_ITEM);
        SequenceDataset d = r.table().build(KEEP_ALL).dataset();
        assertThat(d.sequence(0)).containsExactly(3, 1, 2);
        assertThat(d.sequence(1)).containsExactly(1, 2, 3);
    }

    @Test
    void gzipAndZipAreReadTransparently() throws IOException {
        List<String> dat = new ArrayList<>();
        for (String[] e : EVENTS) {
            dat.add(String.join("::", e));
        }
        byte[] plain = String.join("\n", dat).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(plain);
        }
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("ml-1m/"));
            out.closeEntry();
            out.putNextEntry(new ZipEntry("ml-1m/ratings.dat"));
            out.write(plain);
            out.closeEntry();
        }
        byte[] reference = artifact(read(dat, null));
        for (byte[] packed : List.of(gz.toByteArray(), zip.toByteArray())) {
            InteractionReader.Result r = InteractionReader.read(new ByteArrayInputStream(packed), options(null,
                    InteractionReader.OnMalformed.FAIL, null));
            assertThat(artifact(r)).isEqualTo(reference);
        }
    }

    @Test
    void malformedLinesFailWithTheFirstOneOrAreSkippedAndCounted() throws IOException {
        List<String> lines = List.of("1::10::5::100", "1::11::5::200", "1::oops::5", "1::12::5::300",
                "2::10::x::1");
        assertThatThrownBy(() -> read(lines, InputFormat.MOVIELENS_DAT))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("line 3").hasMessageContaining("1::oops::5");
        InteractionReader.Result skipped = read(lines, InputFormat.MOVIELENS_DAT, InteractionReader.OnMalformed.SKIP,
                null);
        assertThat(skipped.skippedLines()).isEqualTo(2);
        assertThat(skipped.skippedExamples()).hasSize(2).first().asString().startsWith("line 3");
        assertThat(skipped.table().rows()).isEqualTo(3);
    }

    @Test
    void undecodableEmptyHeaderOnlyAndUnknownInputsAreRefused() {
        byte[] latin1 = "1::10::5::100\n1::caf\u00e9::5::1\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> InteractionReader.read(new ByteArrayInputStream(latin1),
                options(InputFormat.MOVIELENS_DAT, InteractionReader.OnMalformed.SKIP, null)))
                .isInstanceOf(MalformedInputException.class).hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> read(List.of(), null)).hasMessageContaining("empty");
        assertThatThrownBy(() -> read(List.of("userId,movieId,rating,timestamp"), null))
                .hasMessageContaining("no interactions");
        assertThatThrownBy(() -> read(List.of("what is this even"), null))
                .isInstanceOfSatisfying(MalformedInputException.class, e -> assertThat(e.field()).isEqualTo("format"));
    }

    @Test
    void preprocessingAppliesThresholdDuplicatesCoresAndMaxLength() throws IOException {
        // u1: a b a c d (a repeated), u2: a b c, u3: e f a; item e and f are rare.
        List<String> lines = List.of("1 a", "1 b", "1 a", "1 c", "1 d", "2 a", "2 b", "2 c", "3 e", "3 f", "3 a");
        InteractionTable table = read(lines, InputFormat.USER_ITEM).table();
        SequenceDataset firstOnly = table.build(KEEP_ALL).dataset();
        assertThat(firstOnly.sequence(0)).containsExactly(1, 2, 3, 4);
        SequenceDataset all = table.build(new PreprocessingSpec(null, 0, 0, false, true, null)).dataset();
        assertThat(all.sequence(0)).containsExactly(1, 2, 1, 3, 4);
        SequenceDataset cut = table.build(new PreprocessingSpec(null, 0, 0, false, false, 3)).dataset();
        assertThat(cut.sequence(0)).containsExactly(2, 3, 4);
        assertThat(table.build(new PreprocessingSpec(null, 3, 2, false, false, null)).userIds())
                .as("u3 keeps only a after e and f go").containsExactly("1", "2");

        // Single pass (the paper) vs k-core: dropping u3 and u4 leaves d with no user, which only k-core notices.
        InteractionTable cores = read(List.of("1 a", "1 b", "1 c", "2 a", "2 b", "2 c", "3 a", "3 d", "3 x",
                "4 d", "4 y", "4 z"), InputFormat.USER_ITEM).table();
        assertThat(cores.build(new PreprocessingSpec(null, 3, 2, false, false, null)).itemIds())
                .containsExactly("a", "b", "c", "d");
        assertThat(cores.build(new PreprocessingSpec(null, 3, 2, true, false, null)).itemIds())
                .containsExactly("a", "b", "c");
        assertThatThrownBy(() -> cores.build(new PreprocessingSpec(null, 3, 3, false, false, null)))
                .hasMessageContaining("no user");
    }

    @Test
    void ratingThresholdKeepsOnlyStrongEnoughRatings() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String[] e : EVENTS) {
            lines.add(String.join("::", e));
        }
        InteractionReader.Result r = InteractionReader.read(bytes(lines), new InteractionReader.Options(null, null,
                4.0, InteractionReader.OnMalformed.FAIL, null));
        assertThat(r.belowThreshold()).isEqualTo(3);
        assertThat(r.table().rows()).isEqualTo(6);
    }

    @Test
    void sameInputAndSpecGiveTheSameBytesWhateverTheRowOrder() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String[] e : EVENTS) {
            lines.add(String.join("::", e));
        }
        byte[] first = artifact(read(lines, null));
        assertThat(artifact(read(lines, null))).isEqualTo(first);
        List<String> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, new java.util.Random(3));
        assertThat(artifact(read(shuffled, null))).as("distinct timestamps: row order does not matter").isEqualTo(first);
    }

    @Test
    void tiesInTimeKeepFileOrder() throws IOException {
        InteractionReader.Result r = read(List.of("1::30::5::7", "1::10::5::7", "1::20::5::7"), null);
        assertThat(r.table().build(KEEP_ALL).dataset().sequence(0)).containsExactly(3, 1, 2);
    }

    @Test
    void statisticsAreHandComputable() {
        assertThat(DatasetStatistics.gini(new long[] {1, 1, 1, 1})).isZero();
        assertThat(DatasetStatistics.gini(new long[] {0, 0, 0, 4})).isEqualTo(0.75);
        assertThat(DatasetStatistics.gini(new long[] {1, 2, 3})).isCloseTo(4.0 / 18, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(DatasetStatistics.percentile(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.5)).isEqualTo(5);
        assertThat(DatasetStatistics.percentile(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0.9)).isEqualTo(9);
        SequenceDataset d = new SequenceDataset(4, new int[][] {{1, 2, 3}, {1, 2, 4, 1}});
        var stats = DatasetStatistics.of(d);
        assertThat(stats.get("interactions")).isEqualTo(7L);
        assertThat((double) stats.get("density")).isEqualTo(7.0 / 8);
    }

    private static int[][] reversedFirst(int[][] expected) {
        // u1's lines say a@300, b@200, c@100: chronologically c, b, a.
        int[][] out = expected.clone();
        out[0] = new int[] {3, 2, 1};
        return out;
    }

    private static void assertSequences(InteractionReader.Result r, InputFormat format, int[][] expected) {
        assertThat(r.format()).isEqualTo(format);
        SequenceDataset d = r.table().build(KEEP_ALL).dataset();
        assertThat(d.numUsers()).isEqualTo(3);
        assertThat(d.numItems()).isEqualTo(5);
        for (int u = 0; u < 3; u++) {
            assertThat(d.sequence(u)).as(format + " user " + u).containsExactly(expected[u]);
        }
    }

    private static byte[] artifact(InteractionReader.Result r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SequenceFile.write(r.table().build(KEEP_ALL).dataset(), out);
        return out.toByteArray();
    }

    private static InteractionReader.Result read(List<String> lines, InputFormat format) throws IOException {
        return read(lines, format, InteractionReader.OnMalformed.FAIL, null);
    }

    private static InteractionReader.Result read(List<String> lines, InputFormat format,
                                                 InteractionReader.OnMalformed policy, String fileName) throws IOException {
        return InteractionReader.read(bytes(lines), options(format, policy, fileName));
    }

    private static InteractionReader.Options options(InputFormat format, InteractionReader.OnMalformed policy,
                                                     String fileName) {
        return new InteractionReader.Options(format, null, null, policy, fileName);
    }

    private static ByteArrayInputStream bytes(List<String> lines) {
        return new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }
}
