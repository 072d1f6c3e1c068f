package dev.rankforge.eval.service;

import dev.rankforge.service.job.RetryingTransaction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rankforge.contracts.JobStatus;
import dev.rankforge.eval.Experiment;
import dev.rankforge.eval.ExperimentStep;
import dev.rankforge.eval.plan.ExpandedPlan;
import dev.rankforge.eval.plan.PlanExpander;
import dev.rankforge.eval.plan.StepInstance;
import dev.rankforge.eval.plan.StepSpec;
import dev.rankforge.eval.results.ExperimentResult;
import dev.rankforge.eval.results.ResultValue;
import dev.rankforge.eval.step.StepHandler;
import dev.rankforge.eval.step.StepHandlers;
import dev.rankforge.eval.step.StepRun;
import dev.rankforge.eval.step.StepUpdate;
import dev.rankforge.service.WorkerPool;
import dev.rankforge.service.job.JobTransitions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Runs experiment plans as DAGs. A step instance starts once every input succeeded (its request goes to the
 * owning service, or its work runs here); a failed or cancelled step fails its dependants and leaves the others
 * running; the experiment ends when every step has. Each state change is committed, under a lock on the
 * experiment row, before the next request is sent; job ids are fixed at creation, so after a crash every
 * running step is started again with the same job id (the services are idempotent on it) and nothing runs twice.
 * Replicas share the work through the database: any replica advances an experiment on its jobs' events, a step being
 * started or worked on here is leased to this replica ({@link StepLeases}), and a step whose replica died is started
 * again by another once its lease expired.
 */
@ApplicationScoped
public class ExperimentScheduler {
    private static final Logger LOG = Logger.getLogger(ExperimentScheduler.class);

    private final PlanExpander expander;
    private final StepHandlers handlers;
    private final ObjectMapper json;
    private final WorkerPool pool;
    private final StepLeases leases;
    private final java.util.concurrent.ScheduledExecutorService keeper = WorkerPool.scheduler("step-leases");
    private volatile boolean stopping;

    public ExperimentScheduler(StepHandlers handlers, ObjectMapper json,
                               dev.rankforge.eval.config.EvalConfig config, StepLeases leases) {
        this.expander = new PlanExpander(handlers);
        this.handlers = handlers;
        this.json = json;
        this.leases = leases;
        this.pool = new WorkerPool("experiment-step", config.workers());
    }

    /** Before the database goes away (it has by {@code @PreDestroy}): hands this replica's steps to the others. */
    void release(@Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping = true; // work interrupted by a shutdown is resumed elsewhere or by the next start, not failed
        keeper.shutdownNow();
        try {
            leases.releaseAll();
        } catch (RuntimeException e) {
            LOG.warnf("releasing step leases at shutdown failed (%s); they expire on their own", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        keeper.shutdownNow();
        pool.close();
    }

    /**
     * Validates and expands the plan, lets {@code admit} refuse any step instance (by throwing: the caller's job size
     * limits), records it (owned by {@code team}) with all its step instances, and starts what can start.
     */
    public Experiment create(JsonNode plan, String team, java.util.function.Consumer<StepInstance> admit) {
        ExpandedPlan expanded = expander.expand(plan);
        expanded.steps().forEach(admit);
        Experiment experiment = QuarkusTransaction.requiringNew().call(() -> {
            Experiment e = new Experiment();
            e.id = UUID.randomUUID();
            e.name = expanded.name();
            e.team = team;
            e.plan = expanded.plan();
            e.status = JobStatus.RUNNING;
            e.createdAt = Instant.now();
            e.persist();
            int position = 0;
            for (StepInstance instance : expanded.steps()) {
                ExperimentStep step = new ExperimentStep();
                step.jobId = UUID.randomUUID();
                step.experimentId = e.id;
                step.position = position++;
                step.name = instance.name();
                step.step = instance.step();
                step.kind = instance.kind();
                step.spec = instance.spec();
                step.bindings = instance.bindings();
                step.inputs = instance.inputs();
                step.status = JobStatus.QUEUED;
                step.persist();
            }
            return e;
        });
        LOG.infof("experiment %s '%s' created with %d steps", experiment.id, experiment.name, expanded.steps().size());
        advance(experiment.id);
        return experiment;
    }

    /** Starts every queued step whose inputs all succeeded, fails those with a failed input, ends the experiment. */
    public void advance(UUID experimentId) {
        List<ExperimentStep> toStart = RetryingTransaction.call(() -> {
            Experiment e = Experiment.findById(experimentId, LockModeType.PESSIMISTIC_WRITE);
            if (e == null || e.status.isTerminal()) {
                return List.<ExperimentStep>of();
            }
            List<ExperimentStep> steps = ExperimentStep.ofExperiment(experimentId);
            Map<String, ExperimentStep> byName = steps.stream()
                    .collect(Collectors.toMap(s -> s.name, Function.identity()));
            List<ExperimentStep> start = new ArrayList<>();
            boolean changed = true;
            while (changed) {
                changed = false;
                for (ExperimentStep s : steps) {
                    if (s.status != JobStatus.QUEUED) {
                        continue;
                    }
                    ExperimentStep broken = s.inputs.values().stream().map(byName::get)
                            .filter(i -> i.status == JobStatus.FAILED || i.status == JobStatus.CANCELLED)
                            .findFirst().orElse(null);
                    if (broken != null) {
                        s.status = JobStatus.FAILED;
                        s.error = "input step " + broken.name + " " + broken.status.name().toLowerCase();
                        s.finishedAt = Instant.now();
                        changed = true;
                    } else if (s.inputs.values().stream().allMatch(i -> byName.get(i).status == JobStatus.SUCCEEDED)) {
                        s.status = JobStatus.RUNNING;
                        s.startedAt = Instant.now();
                        leases.take(s);
                        start.add(s);
                    }
                }
            }
            if (steps.stream().allMatch(s -> s.status.isTerminal())) {
                List<String> failed = steps.stream().filter(s -> s.status != JobStatus.SUCCEEDED)
                        .map(s -> s.name).toList();
                e.status = failed.isEmpty() ? JobStatus.SUCCEEDED : JobStatus.FAILED;
                e.error = failed.isEmpty() ? null : "steps that did not succeed: " + String.join(", ", failed);
                e.finishedAt = Instant.now();
                LOG.infof("experiment %s %s%s", experimentId, e.status.name().toLowerCase(),
                        e.error == null ? "" : " (" + e.error + ")");
            }
            return start;
        });
        toStart.forEach(this::launch);
    }

    /** Feeds an event of a service (training, attack) to the step whose job it is, if any. */
    public void onEvent(UUID jobId, Object event) {
        ExperimentStep step = RetryingTransaction.call(() -> ExperimentStep.findById(jobId));
        if (step == null || (step.status != JobStatus.RUNNING && step.status != JobStatus.CANCELLED)) {
            return;
        }
        StepHandler<StepSpec> handler = handlers.of(step.kind);
        StepUpdate update;
        try {
            update = handler.onEvent(run(step), handlers.spec(step.kind, step.spec), event);
        } catch (RuntimeException e) {
            LOG.errorf(e, "experiment %s step %s: could not read its job's event", step.experimentId, step.name);
            update = new StepUpdate.Failed("unreadable event: " + JobTransitions.reason(e));
        }
        if (step.status == JobStatus.CANCELLED) {
            if (update instanceof StepUpdate.Progress) {
                // cancelled before the service had the job: it runs now, so ask again
                cancelQuietly(step);
            }
            return;
        }
        apply(jobId, update);
    }

    /** Records a step's update; when the step ended, starts what it unblocked. Late updates of ended steps are ignored. */
    public void apply(UUID jobId, StepUpdate update) {
        apply(jobId, update, false);
    }

    /** @param logged the failure was logged where it happened (with its stack trace) */
    private void apply(UUID jobId, StepUpdate update, boolean logged) {
        if (update instanceof StepUpdate.None) {
            return;
        }
        UUID experimentId = RetryingTransaction.call(() -> {
            // The experiment row is locked before the step is read, so the step's state is current (a cancel or a
            // second update of the same step waits for this one, and sees its outcome).
            UUID owner = ExperimentStep.find("select s.experimentId from ExperimentStep s where s.jobId = ?1", jobId)
                    .project(UUID.class).firstResult();
            if (owner == null) {
                return null;
            }
            Experiment e = Experiment.findById(owner, LockModeType.PESSIMISTIC_WRITE);
            ExperimentStep s = ExperimentStep.findById(jobId);
            if (s.status != JobStatus.RUNNING) {
                return null;
            }
            if (update instanceof StepUpdate.Progress p) {
                s.progress = p.progress().measuredSince(s.progress, Instant.now());
                return null;
            }
            if (update instanceof StepUpdate.Succeeded ok) {
                s.output = json.valueToTree(ok.output());
                s.status = JobStatus.SUCCEEDED;
                s.error = null;
                s.finishedAt = Instant.now();
                leases.end(s);
                store(e, s, ok.values());
                LOG.infof("experiment %s step %s succeeded", e.id, s.name);
            } else if (update instanceof StepUpdate.Failed failed) {
                s.status = JobStatus.FAILED;
                s.error = failed.reason();
                s.finishedAt = Instant.now();
                leases.end(s);
                if (!logged) {
                    LOG.warnf("experiment %s step %s failed: %s", e.id, s.name, failed.reason());
                }
            }
            return e.id;
        });
        if (experimentId != null) {
            advance(experimentId);
        }
    }

    /** Cancels the experiment: queued steps never start, running jobs are asked to stop; returns false if it had ended. */
    public boolean cancel(UUID experimentId) {
        List<ExperimentStep> running = RetryingTransaction.call(() -> {
            Experiment e = Experiment.findById(experimentId, LockModeType.PESSIMISTIC_WRITE);
            if (e == null || e.status.isTerminal()) {
                return null;
            }
            e.status = JobStatus.CANCELLED;
            e.error = "cancelled by request";
            e.finishedAt = Instant.now();
            List<ExperimentStep> out = new ArrayList<>();
            for (ExperimentStep s : ExperimentStep.ofExperiment(experimentId)) {
                if (s.status == JobStatus.RUNNING) {
                    out.add(s);
                }
                if (!s.status.isTerminal()) {
                    s.status = JobStatus.CANCELLED;
                    s.finishedAt = Instant.now();
                    leases.end(s);
                }
            }
            return out;
        });
        if (running == null) {
            return false;
        }
        running.forEach(this::cancelQuietly);
        LOG.infof("experiment %s cancelled (%d running jobs asked to stop)", experimentId, running.size());
        return true;
    }

    private void cancelQuietly(ExperimentStep s) {
        try {
            handlers.of(s.kind).cancel(run(s));
        } catch (RuntimeException e) {
            LOG.warnf("experiment %s: could not cancel the job of step %s: %s", s.experimentId, s.name, e.getMessage());
        }
    }

    /**
     * At start: the steps this instance was doing before a restart and those whose replica's lease expired are
     * started again with their job ids, and every running experiment moves on; then, every third of a lease, this
     * replica renews its steps' leases, takes over expired ones, and moves on experiments where nothing runs (a
     * replica died between a step's end and the start of the next).
     */
    void recover(@Observes StartupEvent event) {
        takeOver(true);
        List<UUID> experiments = RetryingTransaction.call(() ->
                Experiment.<Experiment>list("status", JobStatus.RUNNING).stream().map(e -> e.id).toList());
        experiments.forEach(this::advance);
        long period = leases.periodMillis();
        keeper.scheduleWithFixedDelay(this::keep, period, period, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void keep() {
        try {
            leases.renew();
            takeOver(false);
            List<UUID> idle = RetryingTransaction.call(() -> Experiment.getEntityManager().createQuery(
                    "select e.id from Experiment e where e.status = :running and not exists (select 1 from "
                            + "ExperimentStep s where s.experimentId = e.id and s.status = :running)", UUID.class)
                    .setParameter("running", JobStatus.RUNNING).getResultList());
            idle.forEach(this::advance);
        } catch (RuntimeException e) {
            LOG.errorf(e, "renewing or taking over step leases failed; trying again in %d ms", leases.periodMillis());
        }
    }

    private void takeOver(boolean includingMine) {
        List<ExperimentStep> claimed = leases.claimExpired(includingMine);
        if (!claimed.isEmpty()) {
            LOG.infof("%d running step(s) started again with their job ids", claimed.size());
        }
        claimed.forEach(this::launch);
    }

    /** Starts a step this replica leased; once it has sent its request and runs no work here, the lease is cleared. */
    private void launch(ExperimentStep step) {
        java.util.concurrent.atomic.AtomicBoolean worksHere = new java.util.concurrent.atomic.AtomicBoolean();
        try {
            handlers.of(step.kind).start(run(step, worksHere), handlers.spec(step.kind, step.spec));
            if (!worksHere.get()) {
                leases.handedOver(step.jobId);
            }
        } catch (Exception e) {
            LOG.errorf(e, "experiment %s: step %s could not start", step.experimentId, step.name);
            apply(step.jobId, new StepUpdate.Failed("could not start: " + JobTransitions.reason(e)), true);
        }
    }

    private StepRun run(ExperimentStep step) {
        return run(step, new java.util.concurrent.atomic.AtomicBoolean());
    }

    /** @param worksHere set when the handler hands work to this replica's pool */
    private StepRun run(ExperimentStep step, java.util.concurrent.atomic.AtomicBoolean worksHere) {
        // Read only by the steps that name what they create (dataset steps), not on every event.
        java.util.function.Supplier<String> experimentName = () -> RetryingTransaction.call(() ->
                Experiment.<Experiment>findById(step.experimentId).name);
        java.util.function.Supplier<String> team = () -> RetryingTransaction.call(() ->
                Experiment.<Experiment>findById(step.experimentId).team);
        return new StepRun(step.experimentId, step.jobId, step.name, experimentName, team, step.bindings, step.inputs,
                (instance, type) -> output(step.experimentId, instance, type),
                work -> {
                    worksHere.set(true);
                    pool.submit(() -> {
                    try {
                        apply(step.jobId, work.call());
                    } catch (Exception e) {
                        if (stopping) {
                            LOG.infof("experiment %s step %s interrupted by shutdown; it resumes on restart",
                                    step.experimentId, step.name);
                            return;
                        }
                        LOG.errorf(e, "experiment %s step %s failed", step.experimentId, step.name);
                        apply(step.jobId, new StepUpdate.Failed(JobTransitions.reason(e)), true);
                    }
                    });
                });
    }

    private Object output(UUID experimentId, String instance, Class<?> type) {
        JsonNode output = RetryingTransaction.call(() ->
                ExperimentStep.<ExperimentStep>find("experimentId = ?1 and name = ?2", experimentId, instance)
                        .firstResultOptional().map(s -> s.output).orElse(null));
        if (output == null) {
            throw new IllegalStateException("step " + instance + " has no output yet");
        }
        return json.convertValue(output, type);
    }

    /** Adds the step's values to the results store with its bindings and lineage. Inside the step's transaction. */
    private void store(Experiment e, ExperimentStep s, List<ResultValue> values) {
        List<String> lineage = lineage(s);
        for (ResultValue v : values) {
            ExperimentResult r = new ExperimentResult();
            r.experimentId = e.id;
            r.step = s.name;
            r.kind = s.kind;
            r.subject = v.subject();
            r.modelId = v.modelId();
            r.metric = v.metric();
            r.k = v.k();
            r.protocol = v.protocol();
            r.split = v.split();
            r.value = v.value();
            r.datasetId = v.datasetId();
            r.seed = v.seed();
            r.bindings = s.bindings;
            r.lineage = lineage;
            r.recordedAt = Instant.now();
            r.persist();
        }
    }

    private static List<String> lineage(ExperimentStep step) {
        Map<String, ExperimentStep> byName = ExperimentStep.ofExperiment(step.experimentId).stream()
                .collect(Collectors.toMap(s -> s.name, Function.identity()));
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(step.inputs.values());
        while (!queue.isEmpty()) {
            String name = queue.poll();
            if (seen.add(name)) {
                queue.addAll(byName.get(name).inputs.values());
            }
        }
        return List.copyOf(seen);
    }
}
