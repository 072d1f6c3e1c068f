package dev.rankforge.trainer.messaging;

import dev.rankforge.contracts.TrainingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/** Publishes job progress and outcomes on {@code training-events}. */
@ApplicationScoped
public class TrainingEventPublisher {
    private static final Logger LOG = Logger.getLogger(TrainingEventPublisher.class);

    @Channel(Channels.TRAINING_EVENTS)
    Emitter<TrainingEvent> emitter;

    public void publish(TrainingEvent event) {
        emitter.send(event).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.errorf(failure, "could not publish %s event of training job %s", event.status(), event.jobId());
            }
        });
    }
}
