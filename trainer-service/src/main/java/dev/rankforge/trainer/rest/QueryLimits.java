package dev.rankforge.trainer.rest;

import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.service.problem.InvalidRequestException;
import dev.rankforge.trainer.config.TrainerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The black-box API's limits on one query (k, history length, item ids, histories per batch), each refused with
 * HTTP 400 naming the field and the limit's setting.
 */
@ApplicationScoped
public class QueryLimits {
    static final int DEFAULT_K = 10;

    private final TrainerConfig config;

    public QueryLimits(TrainerConfig config) {
        this.config = config;
    }

    /** The list length asked for: at most the limit, and at most the model's catalogue. */
    int k(Integer requested, ScoringModel model) {
        int k = requested == null ? DEFAULT_K : requested;
        if (k > config.maxK()) {
            throw new InvalidRequestException("k", "must be at most " + config.maxK()
                    + " (the limit RANKFORGE_TRAINER_MAX_K)");
        }
        int numItems = model.spec().numItems();
        if (k > numItems) {
            throw new InvalidRequestException("k", "must be at most " + numItems + ", the model's catalogue size");
        }
        return k;
    }

    void batchSize(int histories) {
        if (histories > config.maxBatch()) {
            throw new InvalidRequestException("sequences", "at most " + config.maxBatch()
                    + " per call (the limit RANKFORGE_TRAINER_MAX_BATCH)");
        }
    }

    /** The items as ids of the model's catalogue, at most the history limit. */
    int[] history(List<Integer> items, ScoringModel model, String field) {
        if (items.size() > config.maxHistory()) {
            throw new InvalidRequestException(field, "at most " + config.maxHistory()
                    + " items per query (the limit RANKFORGE_TRAINER_MAX_HISTORY)");
        }
        int numItems = model.spec().numItems();
        int[] history = new int[items.size()];
        for (int i = 0; i < history.length; i++) {
            int item = items.get(i);
            if (item < 1 || item > numItems) {
                throw new InvalidRequestException(field + "[" + i + "]", "item id must be between 1 and " + numItems);
            }
            history[i] = item;
        }
        return history;
    }
}
