package dev.rankforge.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each message's Kafka key is the id of the job (or dataset) it is about, and stays out of its JSON body. */
class KeyedMessageTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void aRequestAndItsEventsShareTheirJobsKey() throws Exception {
        UUID job = UUID.randomUUID();
        TrainingRequest request = TrainingRequest.train(job, UUID.randomUUID(), "file:///d", "sasrec",
                null, "default");
        TrainingEvent event = JSON.readValue("{\"jobId\": \"" + job + "\", \"status\": \"RUNNING\"}",
                TrainingEvent.class);
        assertThat(request.messageKey()).isEqualTo(job.toString()).isEqualTo(event.messageKey());
        assertThat(JSON.writeValueAsString(request)).doesNotContain("messageKey");
    }

    @Test
    void aDatasetEventIsKeyedByItsDataset() throws Exception {
        UUID dataset = UUID.randomUUID();
        DatasetReady ready = new DatasetReady(SchemaVersion.CURRENT, dataset, "ml", "file:///d", "ab", 1, 2, 3,
                Instant.EPOCH, "default");
        assertThat(ready.messageKey()).isEqualTo(dataset.toString());
        assertThat(JSON.writeValueAsString(ready)).doesNotContain("messageKey");
    }
}
