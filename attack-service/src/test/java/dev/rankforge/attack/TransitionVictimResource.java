package dev.rankforge.attack;

import dev.rankforge.core.data.SequenceDataset;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The victim in attack-service tests: a first-order Markov recommender (next-item counts after the last
 * item, popularity as tie-break) trained on the test's dataset and served with trainer-service's batch API
 * shape. It stands in for trainer-service, not for the attack under test.
 */
@Path("/test-victim/models")
public class TransitionVictimResource {
    static volatile SequenceDataset data;

    @POST
    @Path("/{id}/recommend/batch")
    public Map<String, Object> recommend(@PathParam("id") String id, Map<String, Object> body) {
        @SuppressWarnings("unchecked")
        List<List<Integer>> sequences = (List<List<Integer>>) body.get("sequences");
        int k = (Integer) body.get("k");
        long[][] next = new long[data.numItems() + 1][data.numItems() + 1];
        for (int u = 0; u < data.numUsers(); u++) {
            int[] s = data.trainSequence(u);
            for (int t = 1; t < s.length; t++) {
                next[s[t - 1]][s[t]]++;
            }
        }
        long[] popularity = data.trainPopularity();
        List<List<Integer>> out = new ArrayList<>();
        for (List<Integer> history : sequences) {
            long[] row = next[history.get(history.size() - 1)];
            out.add(IntStream.rangeClosed(1, data.numItems()).boxed()
                    .filter(item -> !history.contains(item))
                    .sorted(Comparator.<Integer>comparingLong(item -> -row[item])
                            .thenComparingLong(item -> -popularity[item]))
                    .limit(k).toList());
        }
        return Map.of("items", out);
    }
}
