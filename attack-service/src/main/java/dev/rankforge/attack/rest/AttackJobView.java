package dev.rankforge.attack.rest;

import dev.rankforge.contracts.AttackEvent;
import dev.rankforge.contracts.AttackParams;
import dev.rankforge.contracts.JobStatus;
import dev.rankforge.service.blackbox.BlackBoxEndpoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An attack job as the API shows it: the request as resolved (the victim names its credential; no secret is stored), each target's
 * exposure before and after under every protocol, their means, the queries spent, the owning team, and while
 * it runs the replica running it ({@code runningOn}).
 */
public record AttackJobView(UUID id, JobStatus status, String method, String chooser, String knowledge,
                            BlackBoxEndpoint victim, UUID surrogateModelId, UUID datasetId, List<Integer> targets,
                            AttackParams params, List<AttackEvent.TargetResult> results,
                            Map<String, Map<String, Double>> meanBefore, Map<String, Map<String, Double>> meanAfter,
                            long queries, String stage, AttackEvent.Poisoning poisoning, String error,
                            Instant createdAt, Instant startedAt, Instant finishedAt, String team,
                            String runningOn) {
}
