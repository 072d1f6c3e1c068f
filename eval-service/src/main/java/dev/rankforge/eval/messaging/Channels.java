package dev.rankforge.eval.messaging;

import dev.rankforge.contracts.Topics;

/**
 * Channel names of eval-service; each equals its topic.
 */
public final class Channels {
    public static final String EVAL_REQUESTS = Topics.EVAL_REQUESTS;
    public static final String EVAL_EVENTS = Topics.EVAL_EVENTS;
    public static final String TRAINING_REQUESTS = Topics.TRAINING_REQUESTS;
    public static final String TRAINING_EVENTS = Topics.TRAINING_EVENTS;
    public static final String ATTACK_REQUESTS = Topics.ATTACK_REQUESTS;
    public static final String ATTACK_EVENTS = Topics.ATTACK_EVENTS;

    private Channels() {
    }
}
