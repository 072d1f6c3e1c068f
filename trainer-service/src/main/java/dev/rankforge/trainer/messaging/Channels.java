package dev.rankforge.trainer.messaging;

import dev.rankforge.contracts.Topics;

/** Channel names of trainer-service; each equals its Kafka topic. Tests use these too. */
public final class Channels {
    public static final String TRAINING_REQUESTS = Topics.TRAINING_REQUESTS;
    public static final String TRAINING_EVENTS = Topics.TRAINING_EVENTS;
    public static final String DATASET_EVENTS = Topics.DATASET_EVENTS;

    private Channels() {
    }
}
