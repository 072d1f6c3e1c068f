package dev.rankforge.trainer.messaging;

import dev.rankforge.contracts.DatasetReady;
import dev.rankforge.trainer.KnownDataset;
import io.smallrye.common.annotation.Blocking;
import dev.rankforge.service.team.Teams;
import jakarta.enterprise.context.ApplicationScoped;
import dev.rankforge.service.team.Teams;
import dev.rankforge.service.job.RetryingTransaction;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import java.time.Instant;

/** Keeps the local catalogue of dataset versions from {@code dataset-events} (idempotent on dataset id). */
@ApplicationScoped
public class DatasetEventConsumer {

    @Incoming(Channels.DATASET_EVENTS)
    @Blocking
    public void onDatasetReady(DatasetReady event) {
        RetryingTransaction.run(() -> { // a database outage is waited out, not sent to the dead-letter topic
            if (KnownDataset.findById(event.datasetId()) != null) {
                return;
            }
            KnownDataset d = new KnownDataset();
            d.id = event.datasetId();
            d.name = event.name();
            d.artifactUri = event.artifactUri();
            d.sha256 = event.sha256();
            d.users = event.users();
            d.items = event.items();
            d.receivedAt = Instant.now();
            d.team = Teams.orDefault(event.team());
            d.persist();
        });
    }
}
