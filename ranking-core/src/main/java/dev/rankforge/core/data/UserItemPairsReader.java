package dev.rankforge.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads the plain {@code user item} per-line format of the SASRec and BERT4Rec releases: whitespace
 * separated original ids, no timestamps, file order is time order. Users keep their first-appearance
 * order; items get dense ids in ascending order of their original ids. No filtering is applied.
 */
public final class UserItemPairsReader {
    private UserItemPairsReader() {
    }

    public static SequenceDataset read(InputStream in) throws IOException {
        Map<String, List<Long>> byUser = new LinkedHashMap<>();
        TreeSet<Long> items = new TreeSet<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        String line;
        long number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            if (parts.length < 2) {
                throw new IOException("line " + number + ": expected 'user item'");
            }
            long item;
            try {
                item = Long.parseLong(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("line " + number + ": item id '" + parts[1] + "' is not an integer");
            }
            byUser.computeIfAbsent(parts[0], u -> new ArrayList<>()).add(item);
            items.add(item);
        }
        Map<Long, Integer> dense = new java.util.HashMap<>();
        for (long item : items) {
            dense.put(item, dense.size() + 1);
        }
        int[][] sequences = byUser.values().stream()
                .map(s -> s.stream().mapToInt(dense::get).toArray())
                .toArray(int[][]::new);
        return new SequenceDataset(items.size(), sequences);
    }
}
