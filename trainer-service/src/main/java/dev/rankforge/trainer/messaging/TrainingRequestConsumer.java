package dev.rankforge.trainer.messaging;

import dev.rankforge.contracts.TrainingRequest;
import dev.rankforge.trainer.service.TrainingJobService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Accepts training requests from Kafka. The message is acknowledged once the job row is committed and the
 * job handed to the worker pool; training itself never runs on the consumer thread. Requests that cannot
 * be accepted go to the dead-letter topic.
 */
@ApplicationScoped
public class TrainingRequestConsumer {
    private final TrainingJobService jobs;

    public TrainingRequestConsumer(TrainingJobService jobs) {
        this.jobs = jobs;
    }

    @Incoming(Channels.TRAINING_REQUESTS)
    @Blocking
    public void onRequest(TrainingRequest request) {
        jobs.submit(request);
    }
}
