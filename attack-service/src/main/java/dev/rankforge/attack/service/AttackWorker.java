package dev.rankforge.attack.service;

import dev.rankforge.attack.AttackJob;
import dev.rankforge.attack.client.VictimApi;
import dev.rankforge.attack.client.VictimBlackBox;
import dev.rankforge.attack.config.AttackConfig;
import dev.rankforge.attack.mapping.AttackMapper;
import dev.rankforge.attack.messaging.AttackEventPublisher;
import dev.rankforge.contracts.JobStatus;
import dev.rankforge.core.artifact.LocalArtifactStore;
import dev.rankforge.core.attack.CoVisitation;
import dev.rankforge.core.attack.PollutionResult;
import dev.rankforge.core.attack.ProfilePollution;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SequenceFile;
import dev.rankforge.service.WorkerPool;
import dev.rankforge.service.job.JobTransitions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Runs profile-pollution jobs on a bounded worker pool: picks the target (if not given) and the co-visited
 * lead-in items from the training sequences, queries the victim's black box before and after pollution,
 * and records the target's HR/NDCG.
 */
@ApplicationScoped
public class AttackWorker {
    private static final Logger LOG = Logger.getLogger(AttackWorker.class);

    private final LocalArtifactStore artifacts;
    private final VictimApi victim;
    private final AttackMapper mapper;
    private final AttackEventPublisher events;
    private final AttackConfig config;
    private final WorkerPool pool;

    public AttackWorker(LocalArtifactStore artifacts, @RestClient VictimApi victim, AttackMapper mapper,
                        AttackEventPublisher events, AttackConfig config) {
        this.artifacts = artifacts;
        this.victim = victim;
        this.mapper = mapper;
        this.events = events;
        this.config = config;
        this.pool = new WorkerPool("attack-worker", config.workers());
    }

    public void submit(UUID jobId) {
        pool.submit(() -> run(jobId));
    }

    @PreDestroy
    void stop() {
        pool.close();
    }

    void run(UUID jobId) {
        AttackJob job = JobTransitions.claim(AttackJob.class, jobId);
        if (job == null) {
            return;
        }
        events.publish(mapper.toEvent(job));
        try {
            SequenceDataset data;
            try (InputStream in = artifacts.open(job.datasetUri)) {
                data = SequenceFile.read(in);
            }
            if (job.targetItem != null && job.targetItem > data.numItems()) {
                throw new IllegalArgumentException("target item " + job.targetItem + " is not in the dataset (1.."
                        + data.numItems() + ")");
            }
            CoVisitation coVisitation = new CoVisitation(data);
            int target = job.targetItem != null ? job.targetItem : coVisitation.chooseTarget(job.seed);
            List<Integer> injected = coVisitation.pollutionItems(target, job.injectedCount);
            if (injected.isEmpty()) {
                throw new IllegalArgumentException("no item leads to target " + target + " often enough to inject");
            }
            PollutionResult result = ProfilePollution.run(data,
                    new VictimBlackBox(victim, job.victimModelId, config.queryBatchSize()), target, injected,
                    job.maxUsers, job.k);
            AttackJob done = JobTransitions.finish(AttackJob.class, jobId, JobStatus.SUCCEEDED, null, j -> {
                j.targetItem = result.target();
                j.injectedItems = result.injected().stream().map(String::valueOf).collect(Collectors.joining(","));
                j.usersAttacked = result.users();
                j.hitRateBefore = result.hitRateBefore();
                j.hitRateAfter = result.hitRateAfter();
                j.ndcgBefore = result.ndcgBefore();
                j.ndcgAfter = result.ndcgAfter();
                j.queries = result.queries();
            });
            LOG.infof("attack job %s succeeded: target %d, injected %s, HR@%d %.3f -> %.3f over %d users, %d queries",
                    jobId, target, injected, job.k, result.hitRateBefore(), result.hitRateAfter(), result.users(),
                    result.queries());
            events.publish(mapper.toEvent(done));
        } catch (Exception e) {
            LOG.errorf(e, "attack job %s failed", jobId);
            events.publish(mapper.toEvent(
                    JobTransitions.finish(AttackJob.class, jobId, JobStatus.FAILED, JobTransitions.reason(e), j -> { })));
        }
    }
}
