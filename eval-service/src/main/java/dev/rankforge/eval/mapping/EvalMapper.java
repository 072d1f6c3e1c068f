package dev.rankforge.eval.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rankforge.contracts.JobStatus;
import dev.rankforge.eval.EvalJob;
import dev.rankforge.eval.Experiment;
import dev.rankforge.eval.ExperimentStep;
import dev.rankforge.eval.rest.EvalJobView;
import dev.rankforge.eval.rest.ExperimentView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Maps eval-service entities to API views; entities never leave the service. */
@ApplicationScoped
public class EvalMapper {
    private final ObjectMapper json;

    public EvalMapper(ObjectMapper json) {
        this.json = json;
    }

    public EvalJobView toView(EvalJob j) {
        return new EvalJobView(j.id, j.status, j.modelId, j.datasetId, j.protocol, j.usersEvaluated,
                tree(j.modelMetrics), tree(j.popularityMetrics), j.error, j.createdAt, j.startedAt, j.finishedAt,
                j.team);
    }

    /** With {@code steps} empty and no plan for listings. */
    public ExperimentView toView(Experiment e, List<ExperimentStep> steps, boolean withPlan) {
        List<ExperimentView.Step> views = steps.stream().map(s -> new ExperimentView.Step(s.name, s.step, s.kind,
                s.status, s.jobId, s.bindings, s.inputs, s.progress, secondsLeft(s), s.output, s.error, s.startedAt,
                s.finishedAt)).toList();
        return new ExperimentView(e.id, e.name, e.status, e.error, e.createdAt, e.finishedAt, e.team, withPlan ? e.plan : null,
                views);
    }

    /** From the speed measured between progress reports; unknown until two reports moved. */
    static Long secondsLeft(ExperimentStep s) {
        return s.status != JobStatus.RUNNING || s.progress == null ? null : s.progress.secondsLeft();
    }

    private JsonNode tree(String value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
