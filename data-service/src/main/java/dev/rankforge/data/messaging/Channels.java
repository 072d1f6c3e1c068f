package dev.rankforge.data.messaging;

import dev.rankforge.contracts.Topics;

/** Channel names of data-service; each equals its Kafka topic. Tests use these too. */
public final class Channels {
    public static final String DATASET_EVENTS = Topics.DATASET_EVENTS;
    public static final String TRAINING_EVENTS = Topics.TRAINING_EVENTS;

    private Channels() {
    }
}
