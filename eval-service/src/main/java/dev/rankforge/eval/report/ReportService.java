package dev.rankforge.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rankforge.eval.Experiment;
import dev.rankforge.eval.ExperimentStep;
import dev.rankforge.eval.client.TrainerApi;
import dev.rankforge.eval.results.ResultView;
import dev.rankforge.eval.results.ResultsQuery;
import dev.rankforge.eval.step.ModelSteps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** Gathers what an experiment's report shows (its steps, stored results, the model jobs' epoch history) and renders it. */
@ApplicationScoped
public class ReportService {
    private static final Logger LOG = Logger.getLogger(ReportService.class);
    private final TrainerApi trainer;
    private final ResultsQuery results;

    public ReportService(@RestClient TrainerApi trainer, ResultsQuery results) {
        this.trainer = trainer;
        this.results = results;
    }

    public String render(UUID experimentId) {
        Experiment experiment = QuarkusTransaction.requiringNew().call(() -> Experiment.findById(experimentId));
        List<ExperimentStep> steps = QuarkusTransaction.requiringNew().call(() -> ExperimentStep.ofExperiment(experimentId));
        List<ResultView> values = QuarkusTransaction.requiringNew().call(() -> results.of(experimentId, null, null, null, null));
        Map<String, JsonNode> histories = new LinkedHashMap<>();
        for (ExperimentStep step : steps) {
            if (ModelSteps.KINDS.contains(step.kind) && step.startedAt != null) {
                try {
                    histories.put(step.name, trainer.job(step.jobId, experiment.team));
                } catch (RuntimeException e) {
                    LOG.warnf("report of experiment %s: no epoch history for step %s (%s)", experimentId, step.name,
                            e.getMessage());
                }
            }
        }
        return new ReportPage(experiment, steps, values, histories).html();
    }
}
