package dev.rankforge.eval.messaging;

import dev.rankforge.contracts.Topics;

/**
 * Channel names of eval-service. Channels equal their topic, except where this service both produces and
 * consumes a topic: there the consuming side gets an {@code -in} and the producing side an {@code -out}
 * suffix, with the topic set in configuration.
 */
public final class Channels {
    public static final String EVAL_REQUESTS = Topics.EVAL_REQUESTS;
    public static final String EVAL_REQUESTS_OUT = Topics.EVAL_REQUESTS + "-out";
    public static final String EVAL_EVENTS = Topics.EVAL_EVENTS;
    public static final String EVAL_EVENTS_IN = Topics.EVAL_EVENTS + "-in";
    public static final String TRAINING_REQUESTS = Topics.TRAINING_REQUESTS;
    public static final String TRAINING_EVENTS = Topics.TRAINING_EVENTS;
    public static final String ATTACK_REQUESTS = Topics.ATTACK_REQUESTS;
    public static final String ATTACK_EVENTS = Topics.ATTACK_EVENTS;

    private Channels() {
    }
}
