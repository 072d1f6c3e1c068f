package dev.rankforge.trainer;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.rankforge.core.nn.ModelSpec;
import dev.rankforge.trainer.service.ResolvedParams;

/**
 * What a registered model was built and trained with: its network's spec and its job's resolved settings (a
 * black-box target among them names its credential, never a secret).
 */
@JsonIgnoreProperties(ignoreUnknown = true) // stored as jsonb: a row written by another version still reads
public record ModelHyperparameters(ModelSpec model, ResolvedParams training) {
}
