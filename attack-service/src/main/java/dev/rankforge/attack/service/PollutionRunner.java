package dev.rankforge.attack.service;

import dev.rankforge.attack.AttackJob;
import dev.rankforge.contracts.AttackParams;
import dev.rankforge.core.attack.ProfilePollution;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.service.blackbox.BlackBoxClients;
import dev.rankforge.service.blackbox.HttpBlackBox;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Profile pollution: the chosen items appended to the real users' test histories, the victim queried through its
 * black box before and after, target by target (a resumed job measures only the targets still missing).
 */
@ApplicationScoped
public class PollutionRunner implements AttackRunner {
    private static final Logger LOG = Logger.getLogger(PollutionRunner.class);

    private final AttackInputs inputs;
    private final AttackProgress progress;

    private final BlackBoxClients blackBoxes;

    public PollutionRunner(AttackInputs inputs, AttackProgress progress, BlackBoxClients blackBoxes) {
        this.blackBoxes = blackBoxes;
        this.inputs = inputs;
        this.progress = progress;
    }

    @Override
    public String method() {
        return AttackJobService.POLLUTION;
    }

    @Override
    public void run(AttackJob job) throws Exception {
        progress.update(job.id, j -> j.stage = "MEASURING");
        SequenceDataset data = inputs.dataset(job);
        AttackParams p = job.params;
        try (ScoringModel surrogate = inputs.surrogate(job); HttpBlackBox victim = blackBoxes.open(job.victim)) {
            boolean sampled = p.sampledProtocol() && victim.ranksCandidates();
            if (!victim.excludesOnRequest()) {
                LOG.warnf("attack job %s: the victim always leaves out the history's items, so an injected target "
                        + "cannot be recommended under full ranking (give the target an excludeField)", job.id);
            }
            if (p.sampledProtocol() && !sampled) {
                LOG.warnf("attack job %s: the victim cannot rank candidates, so only full ranking is measured", job.id);
            }
            ProfilePollution.run(victim, inputs.chooser(p), inputs.context(data, surrogate, p.seed()),
                    AttackInputs.testHistories(data), AttackProgress.remaining(job),
                    new ProfilePollution.Spec(p.slots(), p.maxUsers(), sampled, p.seed()),
                    outcome -> progress.target(job.id, outcome), () -> progress.cancelRequested(job.id));
        }
        progress.stopIfCancelled(job.id); // stopped between targets: the job ends CANCELLED, not SUCCEEDED
    }
}
