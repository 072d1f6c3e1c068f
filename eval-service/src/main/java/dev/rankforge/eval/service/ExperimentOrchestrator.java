package dev.rankforge.eval.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rankforge.contracts.AttackEvent;
import dev.rankforge.contracts.AttackParams;
import dev.rankforge.contracts.AttackRequest;
import dev.rankforge.contracts.BlackBoxTarget;
import dev.rankforge.contracts.EvalEvent;
import dev.rankforge.contracts.EvalRequest;
import dev.rankforge.contracts.JobStatus;
import dev.rankforge.contracts.SchemaVersion;
import dev.rankforge.contracts.TrainingEvent;
import dev.rankforge.contracts.TrainingParams;
import dev.rankforge.contracts.TrainingRequest;
import dev.rankforge.eval.Experiment;
import dev.rankforge.eval.ExperimentStep;
import dev.rankforge.eval.StepName;
import dev.rankforge.eval.client.DataServiceApi;
import dev.rankforge.eval.messaging.Publisher;
import dev.rankforge.eval.rest.ExperimentRequest;
import dev.rankforge.service.WorkerPool;
import dev.rankforge.service.problem.InvalidRequestException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Drives experiments through their plan. Each step is a job in its owning service; this class records the
 * plan, reacts to the step's events (matched by job id), stores results and issues the next request.
 * State changes are committed before the next request is sent.
 */
@ApplicationScoped
public class ExperimentOrchestrator {
    private static final Logger LOG = Logger.getLogger(ExperimentOrchestrator.class);
    private static final String DEFAULT_ARCHITECTURE = "gru4rec";

    private final DataServiceApi dataService;
    private final Publisher publisher;
    private final ObjectMapper json;
    private final WorkerPool pool = new WorkerPool("experiment", 1);

    public ExperimentOrchestrator(@RestClient DataServiceApi dataService, Publisher publisher, ObjectMapper json) {
        this.dataService = dataService;
        this.publisher = publisher;
        this.json = json;
    }

    @PreDestroy
    void stop() {
        pool.close();
    }

    /** Records the experiment and its steps, then starts the dataset step in the background. */
    public Experiment create(ExperimentRequest request) {
        boolean synthetic = request.dataset().synthetic() != null;
        if (synthetic == (request.dataset().existing() != null)) {
            throw new InvalidRequestException("dataset", "give exactly one of 'synthetic' or 'existing'");
        }
        ExperimentRequest.TrainingPlan training = request.training() == null
                ? new ExperimentRequest.TrainingPlan(DEFAULT_ARCHITECTURE, TrainingParams.defaults())
                : request.training();
        if (training.architecture() == null) {
            training = new ExperimentRequest.TrainingPlan(DEFAULT_ARCHITECTURE, training.params());
        }
        ExperimentRequest.AttackPlan attack = request.attack() == null
                ? new ExperimentRequest.AttackPlan(null, null, null, null, null, null) : request.attack();
        ExperimentRequest plan = new ExperimentRequest(request.name(), request.dataset(), training, attack);
        Experiment experiment = QuarkusTransaction.requiringNew().call(() -> {
            Experiment e = new Experiment();
            e.id = UUID.randomUUID();
            e.name = plan.name();
            e.plan = write(plan);
            e.status = JobStatus.RUNNING;
            e.createdAt = Instant.now();
            e.persist();
            int position = 0;
            for (StepName name : StepName.values()) {
                ExperimentStep step = new ExperimentStep();
                step.jobId = UUID.randomUUID();
                step.experimentId = e.id;
                step.position = position++;
                step.name = name;
                step.status = JobStatus.QUEUED;
                step.persist();
            }
            return e;
        });
        LOG.infof("experiment %s '%s' created", experiment.id, experiment.name);
        pool.submit(() -> runDatasetStep(experiment.id));
        return experiment;
    }

    void runDatasetStep(UUID experimentId) {
        try {
            ExperimentRequest plan = plan(experimentId);
            UUID datasetId;
            String datasetUri;
            Map<String, Object> detail = new LinkedHashMap<>();
            QuarkusTransaction.requiringNew().run(() -> begin(experimentId, StepName.DATASET));
            if (plan.dataset().existing() != null) {
                datasetId = plan.dataset().existing().id();
                datasetUri = plan.dataset().existing().artifactUri();
            } else {
                DataServiceApi.Dataset created = dataService.create(
                        DataServiceApi.Synthetic.of(plan.name(), plan.dataset().synthetic()));
                datasetId = created.id();
                datasetUri = created.artifactUri();
                detail.put("users", created.users());
                detail.put("items", created.items());
                detail.put("interactions", created.interactions());
            }
            detail.put("datasetId", datasetId);
            UUID trainJob = QuarkusTransaction.requiringNew().call(() -> {
                Experiment e = Experiment.findById(experimentId);
                e.datasetId = datasetId;
                e.datasetUri = datasetUri;
                complete(experimentId, StepName.DATASET, detail);
                return begin(experimentId, StepName.TRAIN);
            });
            publisher.send(TrainingRequest.train(trainJob, datasetId, datasetUri, plan.training().architecture(),
                    plan.training().params()));
        } catch (Exception e) {
            LOG.errorf(e, "experiment %s: dataset step failed", experimentId);
            fail(experimentId, StepName.DATASET, "dataset step failed: " + e.getMessage());
        }
    }

    public void onTrainingEvent(TrainingEvent event) {
        Optional<ExperimentStep> step = stepOf(event.jobId(), StepName.TRAIN);
        if (step.isEmpty()) {
            return;
        }
        UUID experimentId = step.get().experimentId;
        if (event.status() == JobStatus.SUCCEEDED) {
            EvalRequest next = QuarkusTransaction.requiringNew().call(() -> {
                Experiment e = Experiment.findById(experimentId);
                e.modelId = event.modelId();
                e.modelUri = event.modelUri();
                complete(experimentId, StepName.TRAIN, trainingDetail(event));
                UUID evalJob = begin(experimentId, StepName.EVALUATE);
                return new EvalRequest(SchemaVersion.CURRENT, evalJob, e.modelId, e.modelUri, e.datasetId,
                        e.datasetUri);
            });
            publisher.send(next);
        } else if (event.status().isTerminal()) {
            fail(experimentId, StepName.TRAIN, "training " + event.status().name().toLowerCase() + ": "
                    + event.error());
        } else {
            QuarkusTransaction.requiringNew().run(() -> progress(experimentId, StepName.TRAIN, trainingDetail(event)));
        }
    }

    public void onEvalEvent(EvalEvent event) {
        Optional<ExperimentStep> step = stepOf(event.jobId(), StepName.EVALUATE);
        if (step.isEmpty() || !event.status().isTerminal()) {
            return;
        }
        UUID experimentId = step.get().experimentId;
        if (event.status() != JobStatus.SUCCEEDED) {
            fail(experimentId, StepName.EVALUATE, "evaluation failed: " + event.error());
            return;
        }
        ExperimentRequest.AttackPlan attack = plan(experimentId).attack();
        AttackRequest next = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("protocol", event.protocol());
            detail.put("users", event.usersEvaluated());
            detail.put("model", event.modelMetrics());
            detail.put("popularity", event.popularityMetrics());
            complete(experimentId, StepName.EVALUATE, detail);
            Experiment e = Experiment.findById(experimentId);
            UUID attackJob = begin(experimentId, StepName.ATTACK);
            return new AttackRequest(SchemaVersion.CURRENT, attackJob, "pollution", BlackBoxTarget.ourModel(e.modelId),
                    null, e.datasetId, e.datasetUri, attack.targets(), new AttackParams(
                            attack.chooser() == null ? "popular" : attack.chooser(), attack.slots(), attack.maxUsers(),
                            attack.targetCount() == null ? 5 : attack.targetCount(), true, null, null, attack.seed(), null, null, null));
        });
        publisher.send(next);
    }

    public void onAttackEvent(AttackEvent event) {
        Optional<ExperimentStep> step = stepOf(event.jobId(), StepName.ATTACK);
        if (step.isEmpty() || !event.status().isTerminal()) {
            return;
        }
        UUID experimentId = step.get().experimentId;
        if (event.status() != JobStatus.SUCCEEDED) {
            fail(experimentId, StepName.ATTACK, "attack failed: " + event.error());
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("method", event.method());
            detail.put("chooser", event.chooser());
            detail.put("knowledge", event.knowledge());
            detail.put("targets", event.results());
            detail.put("meanBefore", event.meanBefore());
            detail.put("meanAfter", event.meanAfter());
            detail.put("queries", event.queries());
            complete(experimentId, StepName.ATTACK, detail);
            Experiment e = Experiment.findById(experimentId);
            e.status = JobStatus.SUCCEEDED;
            e.finishedAt = Instant.now();
        });
        LOG.infof("experiment %s succeeded", experimentId);
    }

    private Optional<ExperimentStep> stepOf(UUID jobId, StepName expected) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ExperimentStep step = ExperimentStep.findById(jobId);
            return step != null && step.name == expected && !step.status.isTerminal()
                    ? Optional.of(step) : Optional.<ExperimentStep>empty();
        });
    }

    private static Map<String, Object> trainingDetail(TrainingEvent event) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("epoch", event.epoch());
        detail.put("epochs", event.epochs());
        detail.put("loss", event.loss());
        // The experiment's training step is a TRAIN job: its validation score is full-ranking NDCG@10.
        detail.put("validationNdcg10", event.validationScore());
        detail.put("sequencesPerSecond", event.examplesPerSecond());
        if (event.modelId() != null) {
            detail.put("modelId", event.modelId());
        }
        return detail;
    }

    /** Marks a step running; returns its job id. Call inside a transaction. */
    private UUID begin(UUID experimentId, StepName name) {
        ExperimentStep step = ExperimentStep.of(experimentId, name).orElseThrow();
        step.status = JobStatus.RUNNING;
        step.startedAt = Instant.now();
        return step.jobId;
    }

    private void progress(UUID experimentId, StepName name, Map<String, Object> detail) {
        ExperimentStep.of(experimentId, name).orElseThrow().detail = write(detail);
    }

    private void complete(UUID experimentId, StepName name, Map<String, Object> detail) {
        ExperimentStep step = ExperimentStep.of(experimentId, name).orElseThrow();
        step.status = JobStatus.SUCCEEDED;
        step.detail = write(detail);
        step.finishedAt = Instant.now();
    }

    private void fail(UUID experimentId, StepName name, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            ExperimentStep step = ExperimentStep.of(experimentId, name).orElseThrow();
            step.status = JobStatus.FAILED;
            step.error = reason;
            step.finishedAt = Instant.now();
            Experiment e = Experiment.findById(experimentId);
            e.status = JobStatus.FAILED;
            e.error = reason;
            e.finishedAt = Instant.now();
        });
        LOG.warnf("experiment %s failed at %s: %s", experimentId, name, reason);
    }

    private ExperimentRequest plan(UUID experimentId) {
        String plan = QuarkusTransaction.requiringNew().call(() -> Experiment.<Experiment>findById(experimentId).plan);
        try {
            return json.readValue(plan, ExperimentRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan of experiment " + experimentId + " is unreadable", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
