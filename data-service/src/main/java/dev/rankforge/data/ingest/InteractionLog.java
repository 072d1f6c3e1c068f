package dev.rankforge.data.ingest;

import dev.rankforge.core.data.SequenceDataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Raw (user, item, timestamp) interactions with original ids, turned into a {@link SequenceDataset}:
 * chronological per user (ties broken by item id), duplicates of a (user, item) pair keep the first,
 * items then users below the minimum counts dropped in a single pass, dense ids assigned in order of
 * original id.
 */
public final class InteractionLog {
    private final Map<Long, List<long[]>> byUser = new TreeMap<>();

    public void add(long user, long item, long timestamp) {
        byUser.computeIfAbsent(user, u -> new ArrayList<>()).add(new long[] {item, timestamp});
    }

    public boolean isEmpty() {
        return byUser.isEmpty();
    }

    public SequenceDataset toDataset(int minItemCount, int minUserCount) {
        Map<Long, long[]> ordered = new TreeMap<>();
        Map<Long, Integer> itemCounts = new HashMap<>();
        for (Map.Entry<Long, List<long[]>> e : byUser.entrySet()) {
            List<long[]> events = e.getValue();
            events.sort(Comparator.<long[]>comparingLong(x -> x[1]).thenComparingLong(x -> x[0]));
            long[] items = events.stream().mapToLong(x -> x[0]).distinct().toArray();
            ordered.put(e.getKey(), items);
            for (long item : items) {
                itemCounts.merge(item, 1, Integer::sum);
            }
        }
        Map<Long, Integer> denseItem = new TreeMap<>();
        itemCounts.entrySet().stream()
                .filter(e -> e.getValue() >= minItemCount)
                .map(Map.Entry::getKey)
                .sorted()
                .forEach(item -> denseItem.put(item, denseItem.size() + 1));
        List<int[]> sequences = new ArrayList<>();
        int min = Math.max(minUserCount, SequenceDataset.MIN_LENGTH);
        for (long[] items : ordered.values()) {
            int[] kept = Arrays.stream(items).filter(denseItem::containsKey)
                    .mapToInt(i -> denseItem.get(i)).toArray();
            if (kept.length >= min) {
                sequences.add(kept);
            }
        }
        if (sequences.isEmpty()) {
            throw new IllegalArgumentException("no user has " + min + " or more interactions after filtering");
        }
        return new SequenceDataset(denseItem.size(), sequences.toArray(int[][]::new));
    }
}
