package dev.rankforge.trainer.service;

import dev.rankforge.core.train.TrainingCheckpoint;
import dev.rankforge.service.artifact.ArtifactStore;
import dev.rankforge.service.job.JobLeases;
import dev.rankforge.trainer.TrainingJob;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A job's latest end-of-epoch checkpoint, kept in the artifact store (an S3 bucket in the fleet) and named by the
 * job's row ({@code checkpoint_uri}), so whichever replica takes a job over — on another node, with another local
 * disk — resumes it from its last epoch. A new checkpoint is stored completely before the row points at it, and the
 * one it replaces is deleted only then: a kill at any moment leaves the row naming a whole checkpoint. Each stored
 * checkpoint begins with its job's id, so two jobs' identical checkpoints never share one (content-addressed)
 * artifact that deleting one job's would take from the other.
 */
@ApplicationScoped
public class JobCheckpoints {
    private static final Logger LOG = Logger.getLogger(JobCheckpoints.class);

    private final ArtifactStore artifacts;
    private final JobLeases leases;

    public JobCheckpoints(ArtifactStore artifacts, JobLeases leases) {
        this.artifacts = artifacts;
        this.leases = leases;
    }

    public void save(UUID jobId, TrainingCheckpoint checkpoint) {
        String stored;
        try {
            stored = artifacts.put("checkpoints", ".rfck", out -> {
                DataOutputStream data = new DataOutputStream(out);
                data.writeLong(jobId.getMostSignificantBits());
                data.writeLong(jobId.getLeastSignificantBits());
                data.flush();
                checkpoint.write(out);
            }).uri();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the checkpoint of job " + jobId, e);
        }
        String replaced = point(jobId, stored, leases.instance());
        if (replaced != null && !replaced.equals(stored)) {
            deleteQuietly(jobId, replaced);
        }
    }

    /** The job's checkpoint; empty when it has none, or when the one its row names is gone from the store. */
    public Optional<TrainingCheckpoint> load(UUID jobId) {
        String uri = QuarkusTransaction.requiringNew().call(() -> {
            TrainingJob job = TrainingJob.findById(jobId);
            return job == null ? null : job.checkpointUri;
        });
        if (uri == null) {
            return Optional.empty();
        }
        try (InputStream in = artifacts.open(uri)) {
            DataInputStream data = new DataInputStream(in);
            UUID owner = new UUID(data.readLong(), data.readLong());
            if (!owner.equals(jobId)) {
                throw new IOException("it belongs to job " + owner);
            }
            return Optional.of(TrainingCheckpoint.read(in));
        } catch (NoSuchFileException e) {
            LOG.warnf("job %s: its checkpoint %s is gone from the artifact store; the job starts again", jobId, uri);
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint of job " + jobId + " at " + uri, e);
        }
    }

    /** Forgets the job's checkpoint (the job ended) and removes it from the store. */
    public void delete(UUID jobId) {
        String replaced = point(jobId, null, null);
        if (replaced != null) {
            deleteQuietly(jobId, replaced);
        }
    }

    /**
     * Points the job's row at {@code uri} and returns what it named before — or {@code uri} itself, to be removed,
     * when the job is gone or, for {@code leaseHolder} not null, no longer leased to it (another replica took the job
     * over and writes its own checkpoints). The row is locked, as every job update locks it, so no concurrent update
     * writes back an older pointer.
     */
    private static String point(UUID jobId, String uri, String leaseHolder) {
        return QuarkusTransaction.requiringNew().call(() -> {
            TrainingJob job = Panache.getEntityManager().find(TrainingJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
            if (job == null || leaseHolder != null && !leaseHolder.equals(job.leaseOwner)) {
                return uri;
            }
            String before = job.checkpointUri;
            job.checkpointUri = uri;
            return before;
        });
    }

    /** A checkpoint no row names any more is only garbage: failing to remove it must not fail the job. */
    private void deleteQuietly(UUID jobId, String uri) {
        try {
            artifacts.delete(uri);
        } catch (IOException | RuntimeException e) {
            LOG.warnf(e, "job %s: could not remove its replaced checkpoint %s", jobId, uri);
        }
    }
}
