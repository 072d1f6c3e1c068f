package dev.rankforge.eval.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rankforge.eval.EvalJob;
import dev.rankforge.eval.Experiment;
import dev.rankforge.eval.ExperimentStep;
import dev.rankforge.eval.StepName;
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
                tree(j.modelMetrics), tree(j.popularityMetrics), j.error, j.createdAt, j.startedAt, j.finishedAt);
    }

    public ExperimentView toView(Experiment e, List<ExperimentStep> steps) {
        List<ExperimentView.Step> views = steps.stream().map(s -> new ExperimentView.Step(s.name, s.status,
                s.jobId, s.startedAt, s.finishedAt, tree(s.detail), s.error)).toList();
        JsonNode evaluation = detailOf(steps, StepName.EVALUATE);
        JsonNode attack = detailOf(steps, StepName.ATTACK);
        return new ExperimentView(e.id, e.name, e.status, e.datasetId, e.modelId, e.error, e.createdAt,
                e.finishedAt, views, new ExperimentView.Results(evaluation, attack));
    }

    private JsonNode detailOf(List<ExperimentStep> steps, StepName name) {
        return steps.stream().filter(s -> s.name == name && s.status == dev.rankforge.contracts.JobStatus.SUCCEEDED)
                .findFirst().map(s -> tree(s.detail)).orElse(null);
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
