package dev.rankforge.trainer.run;

import dev.rankforge.core.train.TrainingResult;
import java.util.Map;

/**
 * What a finished job hands to the registry: the trained model with its training figures, where it came from
 * (lineage) and what was measured about it (metrics, also the job's result).
 */
public record JobOutcome(TrainingResult result, Map<String, Object> lineage, Map<String, Object> metrics) {
}
