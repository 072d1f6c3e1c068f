package dev.rankforge.service.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The outbox relay's settings ({@code RANKFORGE_OUTBOX_*}). */
@ConfigMapping(prefix = "rankforge.outbox")
public interface OutboxConfig {
    /** How often the relay looks for unsent messages when nothing woke it. */
    @WithDefault("1s")
    Duration pollEvery();

    /** How long one send may wait for the broker's acknowledgement before the relay tries again later. */
    @WithDefault("30s")
    Duration ackTimeout();

    /**
     * Fault injection for the crash tests, never set in production: the process halts (as under {@code kill -9})
     * just before it would send the first message whose JSON contains this text, after the message was committed.
     */
    Optional<String> haltBeforeSending();
}
