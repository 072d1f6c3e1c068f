package dev.rankforge.data.messaging;

import dev.rankforge.contracts.JobStatus;
import dev.rankforge.contracts.TrainingEvent;
import dev.rankforge.data.DatasetReference;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import dev.rankforge.service.job.RetryingTransaction;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns from {@code training-events} which dataset versions are in use: every training job that reads a version,
 * and the model it registers. A job that ends without a model keeps its reference (it may be retried by id). A
 * database outage is waited out rather than sending the event to the dead-letter topic.
 */
@ApplicationScoped
public class TrainingEventConsumer {

    @Incoming(Channels.TRAINING_EVENTS)
    @Blocking
    public void onTrainingEvent(TrainingEvent event) {
        if (event.datasetId() == null) {
            return;
        }
        RetryingTransaction.run(() -> {
            DatasetReference.record(event.datasetId(), "training-job", event.jobId());
            if (event.status() == JobStatus.SUCCEEDED && event.modelId() != null) {
                DatasetReference.record(event.datasetId(), "model", event.modelId());
            }
        });
    }
}
