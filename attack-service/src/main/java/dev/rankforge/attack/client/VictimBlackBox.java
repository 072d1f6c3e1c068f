package dev.rankforge.attack.client;

import dev.rankforge.core.attack.BlackBox;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Adapts the victim's HTTP API to ranking-core's {@link BlackBox}, batching histories per call. */
public final class VictimBlackBox implements BlackBox {
    private final VictimApi api;
    private final UUID modelId;
    private final int batchSize;

    public VictimBlackBox(VictimApi api, UUID modelId, int batchSize) {
        this.api = api;
        this.modelId = modelId;
        this.batchSize = batchSize;
    }

    @Override
    public List<List<Integer>> recommend(List<int[]> histories, int k) {
        List<List<Integer>> out = new ArrayList<>(histories.size());
        for (int start = 0; start < histories.size(); start += batchSize) {
            List<List<Integer>> chunk = histories.subList(start, Math.min(histories.size(), start + batchSize))
                    .stream().map(h -> Arrays.stream(h).boxed().toList()).toList();
            out.addAll(api.recommendBatch(modelId, new VictimApi.Query(chunk, k)).items());
        }
        return out;
    }
}
