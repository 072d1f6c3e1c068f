package dev.rankforge.core.train;

import dev.rankforge.core.model.ScoringModel;
import java.util.Map;

/** The outcome of a training run: the best epoch's model (the caller owns and closes it) and its validation. */
public record TrainingResult(ScoringModel model, int bestEpoch, int epochsRun, Map<String, Double> bestValidation) {
}
