package dev.rankforge.eval.step;

import dev.rankforge.contracts.AttackEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Output of an {@code attack} step: the targets' exposure before and after, as attack-service measured it. */
public record AttackOutput(UUID jobId, String method, String chooser, String knowledge,
                           Map<String, Map<String, Double>> meanBefore, Map<String, Map<String, Double>> meanAfter,
                           long queries, List<AttackEvent.TargetResult> targets, AttackEvent.Poisoning poisoning) {
}
