package dev.rankforge.contracts;

/** Kafka topic names shared by every service; the single source of truth for wiring channels. */
public final class Topics {
    public static final String DATASET_EVENTS = "dataset-events";
    public static final String TRAINING_REQUESTS = "training-requests";
    public static final String TRAINING_EVENTS = "training-events";
    public static final String ATTACK_REQUESTS = "attack-requests";
    public static final String ATTACK_EVENTS = "attack-events";
    public static final String EVAL_REQUESTS = "eval-requests";
    public static final String EVAL_EVENTS = "eval-events";

    /** Suffix of the dead-letter topic that receives messages a consumer could not handle. */
    public static final String DEAD_LETTER_SUFFIX = "-dlq";

    private Topics() {
    }

    /** The dead-letter topic of {@code topic}. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
