package dev.rankforge.trainer.run;

import dev.rankforge.core.model.BlackBox;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.extract.Fidelity;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.trainer.config.TrainerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How closely a trained model ranks like its teacher or victim, on the test histories of the first users. */
@ApplicationScoped
public class FidelityProbe {
    private final TrainerConfig config;

    public FidelityProbe(TrainerConfig config) {
        this.config = config;
    }

    /** Agreement@K and EM@K of {@code model} against {@code reference} ({@code trainer.fidelity-users} users). */
    public Map<String, Double> measure(BlackBox reference, ScoringModel model, SequenceDataset data) {
        int users = config.fidelityUsers() <= 0 ? data.numUsers() : Math.min(config.fidelityUsers(), data.numUsers());
        List<int[]> histories = new ArrayList<>(users);
        for (int u = 0; u < users; u++) {
            histories.add(data.testHistory(u));
        }
        return Fidelity.measure(reference, model, histories);
    }
}
