package dev.rankforge.trainer.run;

import dev.rankforge.contracts.TrainingKind;
import dev.rankforge.service.artifact.ArtifactStore;
import dev.rankforge.service.artifact.StoredArtifact;
import dev.rankforge.core.extract.ListDistillation;
import dev.rankforge.core.extract.QueryGenerator;
import dev.rankforge.core.extract.QuerySet;
import dev.rankforge.core.train.TrainingResult;
import dev.rankforge.service.blackbox.BlackBoxClients;
import dev.rankforge.service.blackbox.HttpBlackBox;
import dev.rankforge.trainer.TrainingJob;
import dev.rankforge.trainer.config.TrainerConfig;
import dev.rankforge.trainer.service.ResolvedParams;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * EXTRACT: queries the black box for generated sequences (every answered query counted on the job, also those of
 * an attempt that dies), stores the query set so that a resumed job never queries again, then trains a surrogate
 * on the answers by list distillation and measures its fidelity against the black box.
 */
@ApplicationScoped
public class ExtractRunner implements JobRunner {
    private static final Logger LOG = Logger.getLogger(ExtractRunner.class);

    private final TrainerConfig config;
    private final ArtifactStore artifacts;
    private final JobProgress progress;
    private final FidelityProbe fidelity;
    private final BlackBoxClients blackBoxes;

    public ExtractRunner(TrainerConfig config, ArtifactStore artifacts, JobProgress progress,
                         FidelityProbe fidelity, BlackBoxClients blackBoxes) {
        this.config = config;
        this.artifacts = artifacts;
        this.progress = progress;
        this.fidelity = fidelity;
        this.blackBoxes = blackBoxes;
    }

    @Override
    public TrainingKind kind() {
        return TrainingKind.EXTRACT;
    }

    @Override
    public JobOutcome run(JobRun run) throws IOException {
        TrainingJob job = run.job();
        ResolvedParams.Extraction x = run.params().extraction();
        ResolvedParams.Distillation d = run.params().distillation();
        QuerySet queries = job.querySetUri != null ? readQuerySet(job.querySetUri) : generateQueries(run);
        TrainingResult result = new ListDistillation(run.params().trainConfig(config.device())).train(run.spec(),
                queries, d.settings(), run.listener(), run.cancelled(), run.checkpointing());
        Map<String, Object> metrics = new LinkedHashMap<>();
        try (HttpBlackBox victim = blackBoxes.open(x.target())) {
            metrics.put("victimFidelity", fidelity.measure(victim, result.model(), run.data()));
            metrics.put("evaluationQueries", victim.answered());
        } catch (RuntimeException e) {
            result.model().close();
            throw e;
        }
        metrics.put("queriesSpent", queries.queriesSpent());
        Map<String, Object> lineage = new LinkedHashMap<>();
        lineage.put("victimUrl", x.target().url());
        if (x.target().modelId() != null) {
            lineage.put("victimModelId", x.target().modelId());
        }
        lineage.put("querySetUri", job.querySetUri);
        lineage.put("generator", x.generator());
        lineage.put("sequences", x.sequences());
        lineage.put("length", x.length());
        lineage.put("queriesSpent", queries.queriesSpent());
        lineage.put("loss", d.loss());
        return new JobOutcome(result, lineage, metrics);
    }

    private QuerySet generateQueries(JobRun run) throws IOException {
        TrainingJob job = run.job();
        ResolvedParams.Extraction x = run.params().extraction();
        long before = job.queriesSpent;
        long[] lastReport = {System.currentTimeMillis()};
        int listLength = run.params().distillation().listLength();
        if (listLength > run.data().numItems()) { // the black box would refuse every query
            throw new IllegalArgumentException("distillation.listLength " + listLength + " is above the dataset's "
                    + run.data().numItems() + " items: the victim cannot rank that many");
        }
        try (HttpBlackBox victim = blackBoxes.open(x.target())) {
            QuerySet queries;
            try {
                queries = QueryGenerator.generate(x.spec(run.params().distillation().listLength(), run.params().seed()),
                        run.data().numItems(), victim, spent -> {
                            if (System.currentTimeMillis() - lastReport[0] >= JobProgress.EVERY_MS) {
                                lastReport[0] = System.currentTimeMillis();
                                progress.recordQueries(job.id, before + spent, null, true);
                                LOG.infof("EXTRACT job %s: %d of %d queries answered", job.id, spent,
                                        (long) x.sequences() * x.length());
                            }
                        }, run.cancelled());
            } finally {
                // Every answered query counts, also those of an attempt that failed or was killed later.
                progress.recordQueries(job.id, before + victim.answered(), null, false);
            }
            StoredArtifact stored = artifacts.put("query-sets", ".rfqs", queries::write);
            job.querySetUri = progress.recordQueries(job.id, before + victim.answered(), stored.uri(), false)
                    .querySetUri;
            LOG.infof("EXTRACT job %s: %d queries answered (%d HTTP attempts), query set %s", job.id,
                    victim.answered(), victim.attempts(), stored.uri());
            return queries;
        }
    }

    private QuerySet readQuerySet(String uri) throws IOException {
        try (InputStream in = artifacts.open(uri)) {
            return QuerySet.read(in);
        }
    }
}
