package dev.rankforge.eval.mapping;

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
    public EvalJobView toView(EvalJob j) {
        return new EvalJobView(j.id, j.status, j.modelId, j.datasetId, j.protocol, j.usersEvaluated,
                j.modelMetrics, j.popularityMetrics, j.error, j.createdAt, j.startedAt, j.finishedAt,
                j.team, j.runningOn());
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
}
