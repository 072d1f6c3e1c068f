package dev.rankforge.trainer.service;

import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.trainer.config.TrainerConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import org.jboss.logging.Logger;

/**
 * Dynamic batching for the single-history black-box endpoint: concurrent requests for the same model are
 * scored together. A recurrent model walks its history step by step whatever the batch size, so one pass for 50
 * queued requests costs little more than one pass for a single request; {@link ScoringModel} cuts the batch into
 * passes of similar history length, so a short history does not pay for the longest one. No request waits for a
 * batch to fill: the batcher takes whatever is queued when the previous pass ends.
 */
@ApplicationScoped
public class RecommendationBatcher {
    private static final Logger LOG = Logger.getLogger(RecommendationBatcher.class);

    private final int maxBatch;
    private final Map<UUID, Lane> lanes = new ConcurrentHashMap<>();

    @jakarta.inject.Inject
    public RecommendationBatcher(TrainerConfig config) {
        this(config.inferenceBatch());
    }

    RecommendationBatcher(int maxBatch) {
        this.maxBatch = maxBatch;
    }

    /** One queued query. */
    private record Query(int[] history, int k, CompletableFuture<int[]> answer) {
    }

    /** The queue and scoring thread of one model. */
    private final class Lane implements Runnable {
        private final ScoringModel model;
        private final BlockingQueue<Query> queue = new LinkedBlockingQueue<>();
        private final Thread thread;

        Lane(UUID modelId, ScoringModel model) {
            this.model = model;
            this.thread = new Thread(this, "recommend-" + modelId);
            this.thread.setDaemon(true);
            this.thread.start();
        }

        @Override
        public void run() {
            List<Query> batch = new ArrayList<>(maxBatch);
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    batch.add(queue.take());
                } catch (InterruptedException e) {
                    return;
                }
                queue.drainTo(batch, maxBatch - 1);
                try {
                    int[][] histories = batch.stream().map(Query::history).toArray(int[][]::new);
                    int k = batch.stream().mapToInt(Query::k).max().orElse(0);
                    int[][] best = model.recommend(histories, histories, k);
                    for (int i = 0; i < batch.size(); i++) {
                        Query q = batch.get(i);
                        q.answer().complete(java.util.Arrays.copyOf(best[i], Math.min(q.k(), best[i].length)));
                    }
                } catch (RuntimeException e) {
                    LOG.errorf(e, "scoring a batch of %d queries failed", batch.size());
                    batch.forEach(q -> q.answer().completeExceptionally(e));
                }
                batch.clear();
            }
        }
    }

    /** The top-k items for {@code history} (its own items excluded), scored together with concurrent queries. */
    public int[] recommend(UUID modelId, ScoringModel model, int[] history, int k) {
        Lane lane = lanes.compute(modelId, (id, existing) -> existing != null && existing.model == model
                ? existing : replace(existing, id, model));
        CompletableFuture<int[]> answer = new CompletableFuture<>();
        lane.queue.add(new Query(history, k, answer));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a recommendation", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private Lane replace(Lane previous, UUID modelId, ScoringModel model) {
        if (previous != null) {
            previous.thread.interrupt();
        }
        return new Lane(modelId, model);
    }

    @PreDestroy
    void stop() {
        lanes.values().forEach(lane -> lane.thread.interrupt());
    }
}
