package dev.rankforge.eval.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rankforge.contracts.JobStatus;
import dev.rankforge.eval.step.StepProgress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An experiment: its plan, and every step instance's status, progress, estimated time left and output. */
public record ExperimentView(UUID id, String name, JobStatus status, String error, Instant createdAt,
                             Instant finishedAt, String team, JsonNode plan, List<Step> steps) {

    /**
     * One step instance; {@code jobId} is its job in the owning service.
     *
     * @param secondsLeft the work left (epochs, targets) at the speed measured between its progress reports
     */
    public record Step(String name, String step, String kind, JobStatus status, UUID jobId,
                       Map<String, JsonNode> bindings, Map<String, String> inputs, StepProgress progress,
                       Long secondsLeft, JsonNode output, String error, Instant startedAt, Instant finishedAt) {
    }
}
