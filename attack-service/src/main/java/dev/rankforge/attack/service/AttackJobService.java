package dev.rankforge.attack.service;

import static dev.rankforge.service.problem.RequestFields.orDefault;
import static dev.rankforge.service.problem.RequestFields.require;

import dev.rankforge.attack.AttackJob;
import dev.rankforge.service.team.Teams;
import dev.rankforge.attack.client.TrainerApi;
import dev.rankforge.attack.config.AttackConfig;
import dev.rankforge.attack.mapping.AttackMapper;
import dev.rankforge.attack.messaging.AttackEventPublisher;
import dev.rankforge.contracts.AttackParams;
import dev.rankforge.contracts.AttackRequest;
import dev.rankforge.core.attack.AttackTargets;
import dev.rankforge.core.attack.DataPoisoning;
import dev.rankforge.core.attack.ItemChoosers;
import dev.rankforge.core.attack.Knowledge;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.service.blackbox.BlackBoxEndpoint;
import dev.rankforge.service.blackbox.BlackBoxEndpoints;
import dev.rankforge.service.blackbox.Credentials;
import dev.rankforge.service.job.Accepted;
import dev.rankforge.service.job.JobTransitions;
import dev.rankforge.service.problem.RequestValidation;
import dev.rankforge.service.problem.InvalidRequestException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Accepts attack requests (REST or Kafka) as durable jobs, idempotently on the job id, after checking every field
 * (a refused request stores nothing), and queues them on the {@link AttackWorker}. On start-up, queued and
 * interrupted jobs are queued again and resume from what they committed.
 */
@ApplicationScoped
public class AttackJobService {
    public static final String POLLUTION = "pollution";
    public static final String POISONING = "poisoning";
    public static final String SCRATCH = "scratch";
    public static final String FINE_TUNE = "fine-tune";
    private static final Logger LOG = Logger.getLogger(AttackJobService.class);

    private final AttackWorker worker;
    private final AttackMapper mapper;
    private final AttackEventPublisher events;
    private final AttackConfig config;
    private final TrainerApi trainer;
    private final DatasetLoader datasets;
    private final java.util.Set<String> methods;

    private final dev.rankforge.service.blackbox.OutboundPolicy outbound;
    private final Credentials credentials;

    private final dev.rankforge.service.job.JobLeases leases;
    private final RequestValidation validation;

    public AttackJobService(AttackWorker worker, AttackMapper mapper, AttackEventPublisher events, AttackConfig config,
                            @RestClient TrainerApi trainer, DatasetLoader datasets,
                            jakarta.enterprise.inject.Instance<AttackRunner> runners,
                            dev.rankforge.service.blackbox.OutboundConfig outboundConfig, Credentials credentials,
                            dev.rankforge.service.job.JobLeases leases, RequestValidation validation) {
        this.leases = leases;
        this.validation = validation;
        this.credentials = credentials;
        this.outbound = new dev.rankforge.service.blackbox.OutboundPolicy(java.util.List.of(config.trainerUrl()),
                outboundConfig.allow().orElse(java.util.List.of()));
        this.methods = runners.stream().map(AttackRunner::method)
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        this.worker = worker;
        this.mapper = mapper;
        this.events = events;
        this.config = config;
        this.trainer = trainer;
        this.datasets = datasets;
    }

    public Accepted<AttackJob> submit(AttackRequest r) {
        validation.check(r);
        require(r.jobId() != null, "jobId", "is required");
        String team = Teams.orDefault(r.team());
        // A repeated submission is answered before the checks that call other services.
        Accepted<AttackJob> existing = QuarkusTransaction.requiringNew().call(() -> Accepted.existing(AttackJob.class,
                r.jobId(), team));
        if (existing != null) {
            return existing;
        }
        String method = r.method() == null ? POLLUTION : r.method();
        require(methods.contains(method), "method", "must be one of " + methods);
        BlackBoxEndpoint victim = BlackBoxEndpoints.resolve(r.victim(), config.trainerUrl(), "victim", outbound,
                credentials);
        if (POISONING.equals(method)) {
            require(victim.modelId() != null && r.victim().url() == null, "victim.modelId",
                    "poisoning retrains the victim's spec, so the victim must be a model of trainer-service");
            TrainerApi.RegisteredModel registered = checkModel(victim.modelId(), "victim.modelId", team);
            require(registered.datasetId() == null || registered.datasetId().equals(r.datasetId()), "datasetId",
                    "must be the dataset the victim was trained on (" + registered.datasetId() + ")");
        } else {
            // Our own black-box API, named by modelId or by URL: only the team's own models.
            BlackBoxEndpoints.fleetModels(victim, config.trainerUrl(), "victim")
                    .forEach((field, id) -> checkModel(id, field, team));
        }
        require(r.datasetId() != null, "datasetId", "is required");
        require(r.datasetUri() != null && !r.datasetUri().isBlank(), "datasetUri", "is required");
        AttackParams p = resolve(r.params(), r.surrogateModelId() != null, POISONING.equals(method));
        Knowledge knowledge = ItemChoosers.create(p.chooser()).knowledge();
        if (knowledge == Knowledge.SURROGATE) {
            require(r.surrogateModelId() != null, "surrogateModelId", "is required by chooser '" + p.chooser() + "'");
        }
        if (r.surrogateModelId() != null) {
            checkModel(r.surrogateModelId(), "surrogateModelId", team);
        }
        SequenceDataset data = datasets.load(r.datasetUri(), "datasetUri");
        List<Integer> targets = targets(r.targets(), p.targetCount(), data);
        Accepted<AttackJob> accepted = QuarkusTransaction.requiringNew().call(() -> Accepted.once(AttackJob.class,
                r.jobId(), team, () -> {
                    AttackJob job = new AttackJob();
                    job.method = method;
                    job.chooser = p.chooser();
                    job.knowledge = knowledge.name();
                    job.victim = victim;
                    job.surrogateModelId = r.surrogateModelId();
                    job.datasetId = r.datasetId();
                    job.datasetUri = r.datasetUri();
                    job.targets = targets;
                    job.params = p;
                    job.results = new ArrayList<>();
                    return job;
                }, job -> events.publish(mapper.toEvent(job))));
        if (accepted.isNew()) {
            LOG.infof("attack job %s queued: %s with chooser %s against %s, %d targets", r.jobId(), method,
                    p.chooser(), victim.url(), targets.size());
        }
        return accepted.startIfNew(worker::submit);
    }

    private static AttackParams resolve(AttackParams given, boolean hasSurrogate, boolean poisoning) {
        AttackParams p = given == null
                ? new AttackParams(null, null, null, null, null, null, null, null, null, null, null) : given;
        String chooser = p.chooser() == null ? (hasSurrogate ? "gradient" : poisoning ? "random" : "popular")
                : p.chooser();
        require(ItemChoosers.names().contains(chooser), "params.chooser",
                "unknown chooser '" + chooser + "', known: " + ItemChoosers.names());
        AttackParams r = new AttackParams(chooser, orDefault(p.slots(), 2), orDefault(p.maxUsers(), 500),
                orDefault(p.targetCount(), AttackTargets.PAPER_COUNT),
                p.sampledProtocol() == null || p.sampledProtocol(), orDefault(p.candidates(), 10),
                orDefault(p.cwSteps(), 50), p.seed() == null ? 42L : p.seed(),
                p.fraction() == null ? DataPoisoning.PAPER_FRACTION : p.fraction(), p.profileLength(),
                p.retrain() == null ? SCRATCH : p.retrain());
        return r; // ranges: AttackParams' constraints, checked on submission
    }

    /** The team's registered model; another team's is answered 404 by trainer-service, so it is unknown here. */
    private TrainerApi.RegisteredModel checkModel(UUID modelId, String field, String team) {
        try {
            return trainer.model(modelId, team);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw new InvalidRequestException(field, "model " + modelId + " is not in trainer-service's registry");
            }
            throw e;
        }
    }

    private static List<Integer> targets(List<Integer> given, int count, SequenceDataset data) {
        if (given == null || given.isEmpty()) {
            require(count <= data.numItems(), "params.targetCount", "must be at most the " + data.numItems() + " items");
            return AttackTargets.evenlySpaced(data.trainPopularity(), count);
        }
        for (int i = 0; i < given.size(); i++) {
            Integer item = given.get(i);
            require(item != null && item >= 1 && item <= data.numItems(), "targets[" + i + "]",
                    "must be an item id between 1 and " + data.numItems());
            require(given.indexOf(item) == i, "targets[" + i + "]", "repeats target " + item);
        }
        return List.copyOf(given);
    }

    /**
     * Asks a job to stop: a queued one is cancelled at once, a running one by whichever replica runs it, at its next
     * target (pollution) or stage (poisoning); an ended one is left as it is. Null when there is no such job.
     */
    public AttackJob cancel(UUID jobId) {
        return JobTransitions.cancel(AttackJob.class, jobId, j -> j.cancelRequested = true,
                j -> events.publish(mapper.toEvent(j)));
    }

    /** After a restart, interrupted jobs go back to the queue and resume from what they committed. */
    void recover(@Observes StartupEvent event) {
        for (AttackJob job : leases.recoverAll(AttackJob.class, worker::submit)) {
            LOG.infof("attack job %s was interrupted at stage %s with %d of %d targets measured; resuming", job.id,
                    job.stage, job.results.size(), job.targets.size());
        }
    }
}
