package dev.rankforge.trainer;

import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.trainer.service.ResolvedParams;

/**
 * What a registered model was built and trained with: its network's spec and its job's resolved settings (a
 * black-box target among them names its credential, never a secret).
 */
public record ModelHyperparameters(ModelSpec model, ResolvedParams training) {
}
