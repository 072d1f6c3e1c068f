package dev.rankforge.trainer.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rankforge.contracts.JobStatus;
import dev.rankforge.contracts.TrainingKind;
import dev.rankforge.core.train.TrainingCheckpoint;
import dev.rankforge.infra.PostgresTestResource;
import dev.rankforge.service.artifact.ArtifactStore;
import dev.rankforge.service.job.JobLeases;
import dev.rankforge.trainer.TrainingJob;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A job's checkpoint is in the artifact store and named by its row: the latest one is read back, the one it replaced
 * and the last one at the end are removed, two jobs' identical checkpoints are two artifacts, and a replica that no
 * longer holds a job's lease leaves its checkpoint alone.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class JobCheckpointsTest {
    @Inject
    JobCheckpoints checkpoints;
    @Inject
    ArtifactStore artifacts;
    @Inject
    JobLeases leases;

    @Test
    void theRowNamesTheLatestCheckpointAndReplacedOnesAreRemoved() throws Exception {
        UUID job = runningJob(leases.instance());
        assertThat(checkpoints.load(job)).isEmpty();

        checkpoints.save(job, checkpoint(1));
        String first = uriOf(job);
        checkpoints.save(job, checkpoint(2));
        String second = uriOf(job);

        assertThat(second).isNotEqualTo(first);
        assertThat(artifacts.exists(first)).as("the replaced checkpoint").isFalse();
        assertThat(checkpoints.load(job)).get().extracting(TrainingCheckpoint::epochsDone).isEqualTo(2);

        checkpoints.delete(job);
        assertThat(uriOf(job)).isNull();
        assertThat(artifacts.exists(second)).as("the last checkpoint, once the job ended").isFalse();
        assertThat(checkpoints.load(job)).isEmpty();
    }

    @Test
    void twoJobsWithTheSameCheckpointKeepOneEach() throws Exception {
        UUID one = runningJob(leases.instance());
        UUID other = runningJob(leases.instance());
        checkpoints.save(one, checkpoint(3));
        checkpoints.save(other, checkpoint(3));
        assertThat(uriOf(one)).isNotEqualTo(uriOf(other));

        checkpoints.delete(one);
        assertThat(checkpoints.load(other)).get().extracting(TrainingCheckpoint::epochsDone).isEqualTo(3);
    }

    @Test
    void aReplicaThatLostTheLeaseDoesNotReplaceTheNewHoldersCheckpoint() throws Exception {
        UUID job = runningJob("another-replica");
        checkpoints.save(job, checkpoint(5));
        assertThat(uriOf(job)).isNull();
        assertThat(checkpoints.load(job)).isEmpty();
    }

    private static TrainingCheckpoint checkpoint(int epochs) {
        return new TrainingCheckpoint(epochs, 1, Map.of("ndcg@10", 0.25), new byte[] {1, 2, 3}, new byte[] {4},
                new byte[] {5, 6});
    }

    private static UUID runningJob(String leaseOwner) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            TrainingJob job = new TrainingJob();
            job.id = id;
            job.kind = TrainingKind.TRAIN;
            job.status = JobStatus.RUNNING;
            job.team = "default";
            job.datasetId = UUID.randomUUID();
            job.datasetUri = "file:///nowhere.rfsq";
            job.architecture = "sasrec";
            job.params = ResolvedParams.resolve(TrainingKind.TRAIN, "gru4rec", null, null, null, null, null, null);
            job.epochs = 10;
            job.validationMetric = "ndcg@10";
            job.createdAt = Instant.now();
            job.leaseOwner = leaseOwner;
            job.leaseExpiresAt = Instant.now().plusSeconds(60);
            job.persist();
        });
        return id;
    }

    private static String uriOf(UUID job) {
        return QuarkusTransaction.requiringNew().call(() -> TrainingJob.<TrainingJob>findById(job).checkpointUri);
    }
}
