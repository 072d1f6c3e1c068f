package dev.rankforge.eval.step;

import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.eval.plan.StepInput;
import dev.rankforge.eval.plan.StepSpec;
import dev.rankforge.eval.results.ResultValue;
import dev.rankforge.eval.service.ModelEvaluation;
import dev.rankforge.service.problem.Problem.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code evaluate}: ranks models of the plan on the dataset's test split under the chosen protocols (with the
 * popularity baseline beside them), and measures fidelity between pairs of models. Runs in eval-service itself.
 */
@ApplicationScoped
public class EvaluateStep implements StepHandler<EvaluateStep.Spec> {
    static final List<String> DEFAULT_PROTOCOLS = List.of("full-ranking", "uniform-100");
    static final List<Integer> DEFAULT_KS = List.of(1, 5, 10, 20);
    private final ModelEvaluation evaluation;

    public EvaluateStep(ModelEvaluation evaluation) {
        this.evaluation = evaluation;
    }

    /**
     * @param models     model steps to rank
     * @param protocols  {@code full-ranking}, {@code uniform-N}, {@code popularity-N} (default full-ranking and uniform-100)
     * @param ks         cut-offs (default 1, 5, 10, 20)
     * @param popularity also rank the popularity baseline (default true)
     * @param maxUsers   test users evaluated (default 0 = all)
     * @param seed       seed of the sampled negatives (default 0)
     * @param fidelity   pairs {@code [a, b]} of model steps: how closely b's top-K lists reproduce a's
     */
    public record Spec(@NotBlank String dataset, @NotEmpty List<@NotBlank String> models, List<String> protocols,
                       List<@Min(1) @Max(1000) Integer> ks, Boolean popularity, @Min(0) Integer maxUsers, Long seed,
                       List<@Size(min = 2, max = 2) List<@NotBlank String>> fidelity) implements StepSpec {
        @Override
        public List<StepInput> inputs() {
            Inputs inputs = Inputs.dataset(dataset);
            for (int i = 0; i < models.size(); i++) {
                inputs.model("models[" + i + "]", models.get(i));
            }
            for (int i = 0; fidelity != null && i < fidelity.size(); i++) {
                for (int j = 0; j < fidelity.get(i).size(); j++) {
                    inputs.model("fidelity[" + i + "][" + j + "]", fidelity.get(i).get(j));
                }
            }
            return inputs.list();
        }

        List<String> protocolsOrDefault() {
            return protocols == null || protocols.isEmpty() ? DEFAULT_PROTOCOLS : protocols;
        }

        int[] ksOrDefault() {
            return (ks == null || ks.isEmpty() ? DEFAULT_KS : ks).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    @Override
    public String kind() {
        return "evaluate";
    }

    @Override
    public Class<Spec> specType() {
        return Spec.class;
    }

    @Override
    public List<FieldError> check(Spec spec) {
        List<FieldError> errors = new ArrayList<>();
        List<String> protocols = spec.protocolsOrDefault();
        for (int i = 0; i < protocols.size(); i++) {
            int index = i;
            ModelEvaluation.checkProtocol(protocols.get(i))
                    .ifPresent(reason -> errors.add(new FieldError("protocols[" + index + "]", reason)));
        }
        return errors;
    }

    @Override
    public void start(StepRun run, Spec spec) {
        run.inBackground(() -> evaluate(run, spec));
    }

    private StepUpdate evaluate(StepRun run, Spec spec) throws Exception {
        DatasetOutput dataOut = run.output(spec.dataset(), DatasetOutput.class);
        SequenceDataset data = evaluation.dataset(dataOut.artifactUri());
        int maxUsers = spec.maxUsers() == null ? 0 : spec.maxUsers();
        long seed = spec.seed() == null ? 0L : spec.seed();
        int[] ks = spec.ksOrDefault();
        List<String> protocols = spec.protocolsOrDefault();
        Map<String, ScoringModel> loaded = new LinkedHashMap<>();
        try {
            for (String step : modelSteps(spec)) {
                loaded.put(step, evaluation.model(run.output(step, ModelOutput.class).modelUri(), data));
            }
            List<EvaluationOutput.ModelMetrics> models = new ArrayList<>();
            List<ResultValue> values = new ArrayList<>();
            for (String step : spec.models()) {
                ModelOutput model = run.output(step, ModelOutput.class);
                Map<String, Map<String, Double>> metrics = evaluation.rank(data, loaded.get(step), protocols, maxUsers,
                        seed, ks);
                models.add(new EvaluationOutput.ModelMetrics(step, model.modelId(), metrics));
                add(values, run.inputName(step), model.modelId(), metrics, dataOut, seed);
            }
            if (spec.popularity() == null || spec.popularity()) {
                Map<String, Map<String, Double>> metrics = evaluation.popularity(data, protocols, maxUsers, seed, ks);
                models.add(new EvaluationOutput.ModelMetrics("popularity", null, metrics));
                add(values, "popularity", null, metrics, dataOut, seed);
            }
            List<EvaluationOutput.PairFidelity> fidelity = new ArrayList<>();
            for (List<String> pair : spec.fidelity() == null ? List.<List<String>>of() : spec.fidelity()) {
                Map<String, Double> metrics = evaluation.fidelity(data, loaded.get(pair.get(0)), loaded.get(pair.get(1)),
                        maxUsers, ks);
                fidelity.add(new EvaluationOutput.PairFidelity(pair.get(0), pair.get(1), metrics));
                String subject = run.inputName(pair.get(0)) + "~" + run.inputName(pair.get(1));
                metrics.forEach((metric, value) -> values.add(ResultValue.of(subject,
                        run.output(pair.get(1), ModelOutput.class).modelId(), metric, "fidelity", "test", value,
                        dataOut.datasetId(), seed)));
            }
            int users = maxUsers <= 0 ? data.numUsers() : Math.min(maxUsers, data.numUsers());
            return new StepUpdate.Succeeded(new EvaluationOutput(dataOut.datasetId(), users, protocols,
                    java.util.Arrays.stream(ks).boxed().toList(), models, fidelity), values);
        } finally {
            loaded.values().forEach(ScoringModel::close);
        }
    }

    private static List<String> modelSteps(Spec spec) {
        java.util.LinkedHashSet<String> steps = new java.util.LinkedHashSet<>(spec.models());
        if (spec.fidelity() != null) {
            spec.fidelity().forEach(steps::addAll);
        }
        return List.copyOf(steps);
    }

    private static void add(List<ResultValue> out, String subject, java.util.UUID modelId,
                            Map<String, Map<String, Double>> metrics, DatasetOutput data, long seed) {
        metrics.forEach((protocol, byMetric) -> byMetric.forEach((metric, value) ->
                out.add(ResultValue.of(subject, modelId, metric, protocol, "test", value, data.datasetId(), seed))));
    }
}
