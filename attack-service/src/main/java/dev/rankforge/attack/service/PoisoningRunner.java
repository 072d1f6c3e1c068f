package dev.rankforge.attack.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rankforge.attack.AttackJob;
import dev.rankforge.attack.client.DataApi;
import dev.rankforge.attack.client.TrainerApi;
import dev.rankforge.attack.config.AttackConfig;
import dev.rankforge.attack.messaging.TrainingRequestPublisher;
import dev.rankforge.contracts.AttackEvent;
import dev.rankforge.contracts.AttackParams;
import dev.rankforge.contracts.BlackBoxTarget;
import dev.rankforge.contracts.JobStatus;
import dev.rankforge.contracts.TrainingParams;
import dev.rankforge.contracts.TrainingRequest;
import dev.rankforge.core.attack.DataPoisoning;
import dev.rankforge.core.attack.TargetComparison;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.model.ScoringModel;
import dev.rankforge.service.blackbox.BlackBoxEndpoint;
import dev.rankforge.service.blackbox.BlackBoxEndpoints;
import dev.rankforge.service.blackbox.BlackBoxClients;
import dev.rankforge.service.blackbox.Credentials;
import dev.rankforge.service.blackbox.HttpBlackBox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Data poisoning, as a durable sequence of stages that a restarted service resumes from the last one committed:
 * PROFILES (fake profiles built with the chooser and stored through data-service as a derived version of the
 * victim's dataset), RETRAINING (the victim's registered spec retrained twice over Kafka — from scratch, or
 * fine-tuned from the victim's weights — on the clean and on the poisoned data, with job ids derived from this job's, so a resent request creates nothing new), and
 * MEASURING (every target's exposure on the real users' test histories, clean retrain = before, poisoned = after).
 */
@ApplicationScoped
public class PoisoningRunner implements AttackRunner {
    private static final Logger LOG = Logger.getLogger(PoisoningRunner.class);
    private static final long POLL_MS = 2_000;

    private final AttackInputs inputs;
    private final AttackProgress progress;
    private final TrainerApi trainer;
    private final DataApi data;
    private final TrainingRequestPublisher training;
    private final AttackConfig config;
    private final ObjectMapper json;
    private final Credentials credentials;
    private final BlackBoxClients blackBoxes;

    public PoisoningRunner(AttackInputs inputs, AttackProgress progress, @RestClient TrainerApi trainer,
                           @RestClient DataApi data, TrainingRequestPublisher training, AttackConfig config,
                           Credentials credentials, BlackBoxClients blackBoxes, ObjectMapper json) {
        this.credentials = credentials;
        this.blackBoxes = blackBoxes;
        this.inputs = inputs;
        this.progress = progress;
        this.trainer = trainer;
        this.data = data;
        this.training = training;
        this.config = config;
        this.json = json;
    }

    @Override
    public String method() {
        return AttackJobService.POISONING;
    }

    @Override
    public void run(AttackJob started) throws Exception {
        UUID jobId = started.id;
        TrainerApi.RegisteredModel victim = trainer.model(started.victim.modelId(), started.team);
        AttackJob job = progress.read(jobId);
        // A cancel stops the job between its stages (retrains already sent to trainer-service run to their end).
        if (job.poisoning == null || job.poisoning.derivedDatasetId() == null) {
            progress.stopIfCancelled(jobId);
            job = buildProfiles(job, victim);
        }
        if (job.poisoning.poisonedModelId() == null) {
            progress.stopIfCancelled(jobId);
            job = retrain(job, victim);
        }
        progress.stopIfCancelled(jobId);
        measure(job);
    }

    private AttackJob buildProfiles(AttackJob job, TrainerApi.RegisteredModel victim) throws Exception {
        progress.update(job.id, j -> j.stage = "PROFILES");
        SequenceDataset dataset = inputs.dataset(job);
        AttackParams p = job.params;
        int length = p.profileLength() != null ? p.profileLength()
                : victim.hyperparameters().path("model").path("maxLength").asInt(50);
        int[][] fakes;
        try (ScoringModel surrogate = inputs.surrogate(job)) {
            fakes = DataPoisoning.fakeProfiles(inputs.chooser(p), inputs.context(dataset, surrogate, p.seed()),
                    dataset.numUsers(), job.targets, new DataPoisoning.Spec(p.fraction(), length));
        }
        List<List<Integer>> profiles = Arrays.stream(fakes).map(f -> Arrays.stream(f).boxed().toList()).toList();
        DataApi.DatasetVersion derived = data.derive(job.datasetId,
                new DataApi.DerivedRequest("poisoned by attack job " + job.id, profiles), job.team);
        LOG.infof("attack job %s: %d fake profiles of %d items stored as dataset %s", job.id, fakes.length, length,
                derived.id());
        AttackEvent.Poisoning made = new AttackEvent.Poisoning(fakes.length, derived.id(), derived.artifactUri(),
                derivedId(job.id, "clean"), derivedId(job.id, "poisoned"), null, null);
        return progress.update(job.id, j -> {
            j.poisoning = made;
            j.stage = "RETRAINING";
        });
    }

    private AttackJob retrain(AttackJob job, TrainerApi.RegisteredModel victim) throws Exception {
        AttackEvent.Poisoning p = job.poisoning;
        TrainingParams params = trainingParams(victim.hyperparameters());
        UUID start = AttackJobService.FINE_TUNE.equals(job.params.retrain()) ? victim.id() : null;
        // Resent after a restart on purpose: trainer-service is idempotent on the job id.
        training.send(TrainingRequest.fineTune(p.cleanTrainingJobId(), job.datasetId, job.datasetUri,
                victim.architecture(), params, start, job.team));
        training.send(TrainingRequest.fineTune(p.poisonedTrainingJobId(), p.derivedDatasetId(), p.derivedDatasetUri(),
                victim.architecture(), params, start, job.team));
        UUID clean = awaitModel(p.cleanTrainingJobId(), job.team);
        UUID poisoned = awaitModel(p.poisonedTrainingJobId(), job.team);
        LOG.infof("attack job %s: clean retrain %s, poisoned retrain %s", job.id, clean, poisoned);
        return progress.update(job.id, j -> {
            j.poisoning = new AttackEvent.Poisoning(p.fakeProfiles(), p.derivedDatasetId(), p.derivedDatasetUri(),
                    p.cleanTrainingJobId(), p.poisonedTrainingJobId(), clean, poisoned);
            j.stage = "MEASURING";
        });
    }

    private void measure(AttackJob job) throws Exception {
        progress.update(job.id, j -> j.stage = "MEASURING");
        SequenceDataset dataset = inputs.dataset(job);
        AttackParams p = job.params;
        try (HttpBlackBox clean = blackBoxes.open(endpoint(job, job.poisoning.cleanModelId()));
             HttpBlackBox poisoned = blackBoxes.open(endpoint(job, job.poisoning.poisonedModelId()))) {
            TargetComparison.run(clean, poisoned, dataset.numItems(), AttackInputs.testHistories(dataset),
                    AttackProgress.remaining(job), p.maxUsers(), p.sampledProtocol(), p.seed(),
                    outcome -> progress.target(job.id, outcome));
        }
    }

    /** A retrained model's black box, with the victim's credentials. */
    private BlackBoxEndpoint endpoint(AttackJob job, UUID modelId) {
        BlackBoxEndpoint v = job.victim;
        return BlackBoxEndpoints.resolve(new BlackBoxTarget(null, modelId, null, null, null, v.authHeader(),
                v.authCredential(), v.timeoutMs(), v.retries(), v.concurrency(), null, null), config.trainerUrl(),
                "victim", dev.rankforge.service.blackbox.OutboundPolicy.ownOnly(config.trainerUrl()), credentials);
    }

    private UUID awaitModel(UUID trainingJobId, String team) throws InterruptedException {
        long deadline = System.nanoTime() + config.retrainTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            try {
                TrainerApi.TrainingJob job = trainer.trainingJob(trainingJobId, team);
                if (job.status() == JobStatus.SUCCEEDED) {
                    return job.modelId();
                }
                if (job.status().isTerminal()) {
                    throw new IllegalStateException("retrain " + trainingJobId + " ended " + job.status() + ": "
                            + job.error());
                }
            } catch (WebApplicationException e) {
                if (e.getResponse().getStatus() != 404) { // 404: the request is not consumed yet
                    throw e;
                }
            }
            Thread.sleep(POLL_MS);
        }
        throw new IllegalStateException("retrain " + trainingJobId + " did not finish within "
                + config.retrainTimeout() + " (RANKFORGE_ATTACK_RETRAIN_TIMEOUT)");
    }

    private TrainingParams trainingParams(JsonNode hyperparameters) throws Exception {
        return json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .treeToValue(hyperparameters.path("training"), TrainingParams.class);
    }

    static UUID derivedId(UUID jobId, String role) {
        return UUID.nameUUIDFromBytes((jobId + ":" + role).getBytes(StandardCharsets.UTF_8));
    }
}
