package dev.rankforge.trainer.run;

import dev.rankforge.contracts.TrainingKind;
import dev.rankforge.core.extract.ListDistillation;
import dev.rankforge.core.extract.TeacherLists;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.core.train.TrainingResult;
import dev.rankforge.trainer.config.TrainerConfig;
import dev.rankforge.trainer.service.ResolvedParams;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** DISTILL: a student trained on a registered teacher's ranked lists for the users' training histories (white box). */
@ApplicationScoped
public class DistillRunner implements JobRunner {
    private final TrainerConfig config;
    private final ModelRegistry registry;
    private final FidelityProbe fidelity;

    public DistillRunner(TrainerConfig config, ModelRegistry registry, FidelityProbe fidelity) {
        this.config = config;
        this.registry = registry;
        this.fidelity = fidelity;
    }

    @Override
    public TrainingKind kind() {
        return TrainingKind.DISTILL;
    }

    @Override
    public JobOutcome run(JobRun run) throws Exception {
        try (ScoringModel teacher = registry.load(run.job().teacherModelId, "teacher")) {
            int maxLength = run.spec().maxLength();
            int[][] sequences = new int[run.data().numUsers()][];
            for (int u = 0; u < sequences.length; u++) {
                int[] train = run.data().trainSequence(u);
                sequences[u] = Arrays.copyOfRange(train, Math.max(0, train.length - maxLength), train.length);
            }
            ResolvedParams.Distillation d = run.params().distillation();
            TrainingResult result = new ListDistillation(run.params().trainConfig(config.device())).train(run.spec(),
                    new TeacherLists(teacher, sequences, d.listLength()), d.settings(), run.listener(),
                    run.cancelled(), run.checkpointing());
            Map<String, Object> metrics = new LinkedHashMap<>();
            try {
                metrics.put("teacherFidelity", fidelity.measure(teacher.asBlackBox(), result.model(), run.data()));
            } catch (RuntimeException e) {
                result.model().close();
                throw e;
            }
            return new JobOutcome(result, Map.of("teacherModelId", run.job().teacherModelId, "loss", d.loss()),
                    metrics);
        }
    }
}
