package dev.rankforge.data.ingest;

import dev.rankforge.core.data.SequenceDataset;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interactions held column-wise with dictionary-encoded ids (16 bytes a row, so 20 million rows fit a 1 GB
 * heap), turned into leave-one-out sequences by a {@link PreprocessingSpec}. Dense ids are assigned in order of
 * the original ids (numerically when all are integers), so the result does not depend on the file's row order
 * beyond ties in time.
 */
public final class InteractionTable {
    private final Map<String, Integer> users = new HashMap<>();
    private final Map<String, Integer> items = new HashMap<>();
    private final List<String> userNames = new ArrayList<>();
    private final List<String> itemNames = new ArrayList<>();
    // Columns grow in fixed blocks: no copy on growth, so no transient doubling of a 20M-row column.
    private static final int BLOCK_BITS = 20;
    private static final int BLOCK = 1 << BLOCK_BITS;
    private final List<int[]> userBlocks = new ArrayList<>();
    private final List<int[]> itemBlocks = new ArrayList<>();
    private final List<long[]> timeBlocks = new ArrayList<>();
    private int rows;

    void add(String user, String item, long timestamp) {
        if ((rows & (BLOCK - 1)) == 0) {
            userBlocks.add(new int[BLOCK]);
            itemBlocks.add(new int[BLOCK]);
            timeBlocks.add(new long[BLOCK]);
        }
        int block = rows >>> BLOCK_BITS;
        int at = rows & (BLOCK - 1);
        userBlocks.get(block)[at] = users.computeIfAbsent(user, u -> { userNames.add(u); return userNames.size() - 1; });
        itemBlocks.get(block)[at] = items.computeIfAbsent(item, i -> { itemNames.add(i); return itemNames.size() - 1; });
        timeBlocks.get(block)[at] = timestamp;
        rows++;
    }

    private int userOf(int row) {
        return userBlocks.get(row >>> BLOCK_BITS)[row & (BLOCK - 1)];
    }

    private int itemOf(int row) {
        return itemBlocks.get(row >>> BLOCK_BITS)[row & (BLOCK - 1)];
    }

    private long timeOf(int row) {
        return timeBlocks.get(row >>> BLOCK_BITS)[row & (BLOCK - 1)];
    }

    public int rows() {
        return rows;
    }

    /** The preprocessed dataset and the original ids of its dense users and items. */
    public record Built(SequenceDataset dataset, List<String> userIds, List<String> itemIds) {
        /** Writes the id maps as text: {@code user<TAB>dense<TAB>original} and {@code item<TAB>...} lines. */
        public void writeIdMaps(OutputStream out) throws IOException {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            for (int i = 0; i < userIds.size(); i++) {
                w.write("user\t" + i + "\t" + userIds.get(i) + "\n");
            }
            for (int i = 0; i < itemIds.size(); i++) {
                w.write("item\t" + (i + 1) + "\t" + itemIds.get(i) + "\n");
            }
            w.flush();
        }
    }

    public Built build(PreprocessingSpec spec) {
        int[][] sequences = chronological(spec.keepDuplicates());
        boolean[] itemKept = new boolean[itemNames.size()];
        boolean[] userKept = new boolean[userNames.size()];
        Arrays.fill(itemKept, true);
        Arrays.fill(userKept, true);
        int minUser = Math.max(spec.minUserInteractions(), SequenceDataset.MIN_LENGTH);
        boolean changed = true;
        while (changed) {
            int[] itemCounts = new int[itemNames.size()];
            for (int u = 0; u < sequences.length; u++) {
                if (userKept[u]) {
                    for (int item : sequences[u]) {
                        itemCounts[item]++;
                    }
                }
            }
            changed = false;
            for (int i = 0; i < itemKept.length; i++) {
                if (itemKept[i] && itemCounts[i] < spec.minItemInteractions()) {
                    itemKept[i] = false;
                    changed = true;
                }
            }
            for (int u = 0; u < sequences.length; u++) {
                if (userKept[u] && count(sequences[u], itemKept) < minUser) {
                    userKept[u] = false;
                    changed = true;
                }
            }
            changed &= spec.kCore();
        }
        Integer[] itemOrder = order(itemNames, itemKept);
        int[] denseItem = new int[itemNames.size()];
        List<String> itemIds = new ArrayList<>();
        for (Integer i : itemOrder) {
            itemIds.add(itemNames.get(i));
            denseItem[i] = itemIds.size();
        }
        Integer[] userOrder = order(userNames, userKept);
        List<String> userIds = new ArrayList<>();
        List<int[]> out = new ArrayList<>();
        for (Integer u : userOrder) {
            int[] kept = Arrays.stream(sequences[u]).filter(i -> itemKept[i]).map(i -> denseItem[i]).toArray();
            if (spec.maxLength() != null && kept.length > spec.maxLength()) {
                kept = Arrays.copyOfRange(kept, kept.length - spec.maxLength(), kept.length);
            }
            if (kept.length >= SequenceDataset.MIN_LENGTH) {
                userIds.add(userNames.get(u));
                out.add(kept);
            }
        }
        if (out.isEmpty() || itemIds.isEmpty()) {
            throw new IllegalArgumentException("no user keeps " + minUser + " or more interactions after filtering ("
                    + rows + " interactions read)");
        }
        return new Built(new SequenceDataset(itemIds.size(), out.toArray(int[][]::new)), userIds, itemIds);
    }

    /** Each user's items in time order, file order breaking ties. */
    private int[][] chronological(boolean keepDuplicates) {
        int[] counts = new int[userNames.size() + 1];
        for (int r = 0; r < rows; r++) {
            counts[userOf(r) + 1]++;
        }
        for (int u = 0; u < userNames.size(); u++) {
            counts[u + 1] += counts[u];
        }
        int[] byUser = new int[rows];
        int[] next = Arrays.copyOf(counts, userNames.size());
        for (int r = 0; r < rows; r++) {
            byUser[next[userOf(r)]++] = r;
        }
        int[][] sequences = new int[userNames.size()][];
        int[] lastUserOfItem = new int[itemNames.size()]; // duplicate check without boxing: users come in order
        Arrays.fill(lastUserOfItem, -1);
        for (int u = 0; u < userNames.size(); u++) {
            int from = counts[u];
            int length = counts[u + 1] - from;
            int[] rowsOfUser = Arrays.copyOfRange(byUser, from, from + length); // already in file order
            sortByTime(rowsOfUser);
            int[] itemsOfUser = new int[length];
            int n = 0;
            for (int r : rowsOfUser) {
                int item = itemOf(r);
                if (keepDuplicates || lastUserOfItem[item] != u) {
                    lastUserOfItem[item] = u;
                    itemsOfUser[n++] = item;
                }
            }
            sequences[u] = Arrays.copyOf(itemsOfUser, n);
        }
        return sequences;
    }

    /** Stable sort of row indexes (given in file order) by timestamp. */
    private void sortByTime(int[] rowIndexes) {
        boolean packable = true;
        for (int r : rowIndexes) {
            long t = timeOf(r);
            packable &= t >= 0 && t < (1L << 31);
        }
        if (packable) {
            long[] keys = new long[rowIndexes.length];
            for (int i = 0; i < rowIndexes.length; i++) {
                keys[i] = timeOf(rowIndexes[i]) << 32 | i;
            }
            Arrays.sort(keys);
            int[] sorted = new int[rowIndexes.length];
            for (int i = 0; i < keys.length; i++) {
                sorted[i] = rowIndexes[(int) (keys[i] & 0xffffffffL)];
            }
            System.arraycopy(sorted, 0, rowIndexes, 0, sorted.length);
        } else {
            Integer[] boxed = Arrays.stream(rowIndexes).boxed().toArray(Integer[]::new);
            Arrays.sort(boxed, Comparator.comparingLong(this::timeOf)); // stable: ties keep file order
            for (int i = 0; i < boxed.length; i++) {
                rowIndexes[i] = boxed[i];
            }
        }
    }

    private static int count(int[] sequence, boolean[] itemKept) {
        int n = 0;
        for (int item : sequence) {
            n += itemKept[item] ? 1 : 0;
        }
        return n;
    }

    /** Kept indexes ordered by original id: numerically when every id is an integer, else as text. */
    private static Integer[] order(List<String> names, boolean[] kept) {
        boolean numeric = names.stream().allMatch(n -> n.matches("-?\\d{1,18}"));
        Comparator<Integer> byName = numeric
                ? Comparator.comparingLong(i -> Long.parseLong(names.get(i)))
                : Comparator.comparing(names::get);
        return java.util.stream.IntStream.range(0, names.size()).filter(i -> kept[i]).boxed().sorted(byName)
                .toArray(Integer[]::new);
    }
}
