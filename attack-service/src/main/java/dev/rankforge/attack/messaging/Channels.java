package dev.rankforge.attack.messaging;

import dev.rankforge.contracts.Topics;

/** Channel names of attack-service; each equals its Kafka topic. Tests use these too. */
public final class Channels {
    public static final String ATTACK_REQUESTS = Topics.ATTACK_REQUESTS;
    public static final String ATTACK_EVENTS = Topics.ATTACK_EVENTS;
    public static final String TRAINING_REQUESTS = Topics.TRAINING_REQUESTS;

    private Channels() {
    }
}
