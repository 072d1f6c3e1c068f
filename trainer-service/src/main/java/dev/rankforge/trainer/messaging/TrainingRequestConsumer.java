package dev.rankforge.trainer.messaging;

import dev.rankforge.contracts.JobStatus;
import dev.rankforge.contracts.SchemaVersion;
import dev.rankforge.contracts.TrainingEvent;
import dev.rankforge.contracts.TrainingKind;
import dev.rankforge.contracts.TrainingRequest;
import dev.rankforge.service.problem.InvalidRequestException;
import java.time.Instant;
import dev.rankforge.trainer.service.TrainingJobService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Accepts training requests from Kafka. The message is acknowledged once the job row is committed and the
 * job handed to the worker pool; training itself never runs on the consumer thread. Requests that cannot
 * be accepted go to the dead-letter topic, after a FAILED event for their job id so its sender does not wait.
 */
@ApplicationScoped
public class TrainingRequestConsumer {
    private final TrainingJobService jobs;
    private final TrainingEventPublisher events;

    public TrainingRequestConsumer(TrainingJobService jobs, TrainingEventPublisher events) {
        this.jobs = jobs;
        this.events = events;
    }

    @Incoming(Channels.TRAINING_REQUESTS)
    @Blocking
    public void onRequest(TrainingRequest request) {
        try {
            jobs.submit(request);
        } catch (InvalidRequestException refused) {
            // The sender waits for this job's events: tell it the job failed, then dead-letter the request. A job id
            // another team's job has gets no event: it would be that job's.
            if (request.jobId() != null && !(refused instanceof dev.rankforge.service.problem.JobIdTakenException)) {
                events.publish(new TrainingEvent(SchemaVersion.CURRENT, request.jobId(),
                        request.kind() == null ? TrainingKind.TRAIN : request.kind(), request.datasetId(),
                        JobStatus.FAILED, null, null, null, null, null, null, null, null, null, null, null,
                        "request refused: " + refused.getMessage(), Instant.now()));
            }
            throw refused;
        }
    }
}
