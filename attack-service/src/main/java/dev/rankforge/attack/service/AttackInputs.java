package dev.rankforge.attack.service;

import dev.rankforge.attack.AttackJob;
import dev.rankforge.attack.client.TrainerApi;
import dev.rankforge.contracts.AttackParams;
import dev.rankforge.service.artifact.ArtifactStore;
import dev.rankforge.core.attack.ChooserContext;
import dev.rankforge.core.attack.ItemChooser;
import dev.rankforge.core.attack.ItemChoosers;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.model.ModelArtifact;
import dev.rankforge.core.model.ScoringModel;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** What every attack runner reads: the users' dataset, the surrogate, the chooser and its context. */
@ApplicationScoped
public class AttackInputs {
    private final ArtifactStore artifacts;
    private final TrainerApi trainer;
    private final DatasetLoader datasets;

    public AttackInputs(ArtifactStore artifacts, @RestClient TrainerApi trainer, DatasetLoader datasets) {
        this.artifacts = artifacts;
        this.trainer = trainer;
        this.datasets = datasets;
    }

    public SequenceDataset dataset(AttackJob job) {
        return datasets.load(job.datasetUri, "datasetUri");
    }

    /** The surrogate from trainer-service's registry and the artifact store, or {@code null} when the job has none. */
    public ScoringModel surrogate(AttackJob job) throws IOException {
        if (job.surrogateModelId == null) {
            return null;
        }
        try (InputStream in = artifacts.open(trainer.model(job.surrogateModelId, job.team).artifactUri())) {
            return ModelArtifact.read(in);
        }
    }

    public ItemChooser chooser(AttackParams p) {
        ItemChoosers.Settings defaults = ItemChoosers.Settings.DEFAULTS;
        return ItemChoosers.create(p.chooser(), new ItemChoosers.Settings(p.candidates(), p.cwSteps(),
                defaults.cwLearningRate(), defaults.cwKappa(), defaults.cwC()));
    }

    public ChooserContext context(SequenceDataset data, ScoringModel surrogate, long seed) {
        return new ChooserContext(data.numItems(), surrogate == null ? null : surrogate.whiteBox(),
                data.trainPopularity(), data, seed);
    }

    /** The real users' histories attacks and measurements use: train and validation items, the test item held out. */
    public static List<int[]> testHistories(SequenceDataset data) {
        List<int[]> histories = new ArrayList<>(data.numUsers());
        for (int u = 0; u < data.numUsers(); u++) {
            histories.add(data.testHistory(u));
        }
        return histories;
    }
}
