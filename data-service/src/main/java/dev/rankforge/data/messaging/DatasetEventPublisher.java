package dev.rankforge.data.messaging;

import dev.rankforge.contracts.DatasetReady;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/** Publishes {@link DatasetReady} on {@code dataset-events}. */
@ApplicationScoped
public class DatasetEventPublisher {
    private static final Logger LOG = Logger.getLogger(DatasetEventPublisher.class);

    @Channel(Channels.DATASET_EVENTS)
    Emitter<DatasetReady> emitter;

    public void publish(DatasetReady event) {
        emitter.send(event).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.errorf(failure, "could not publish DatasetReady for dataset %s", event.datasetId());
            }
        });
    }
}
