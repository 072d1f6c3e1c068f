package dev.rankforge.attack.service;

import dev.rankforge.attack.AttackJob;

/**
 * One attack method ({@code pollution}, {@code poisoning}): runs a claimed job to its end, committing progress
 * through {@link AttackProgress} so that a resumed job continues where it stopped. A new method is a new bean
 * of this type; {@link AttackWorker} finds it by {@link #method()}.
 */
public interface AttackRunner {
    /** The request's {@code method} this runner handles. */
    String method();

    void run(AttackJob job) throws Exception;
}
