package dev.rankforge.core.train;

import java.util.Locale;

/**
 * How the learning rate moves over a run, as a factor of the configured rate at each optimiser step: after an optional
 * linear warm-up over {@code warmupEpochs}, constant (the papers' setting) or a cosine decay towards zero at the end
 * of the configured epochs (Loshchilov &amp; Hutter's SGDR without restarts). A run stopped earlier — by patience or
 * by its time budget — ends before the rate gets there, so a time-boxed run should size its epochs to the budget.
 *
 * @param decay        the shape after the warm-up
 * @param warmupEpochs epochs over which the rate rises linearly from near zero to the configured rate (0: none)
 */
public record LearningRateSchedule(Decay decay, int warmupEpochs) {
    /** The shape of the schedule after the warm-up. */
    public enum Decay {
        /** The configured rate throughout. */
        CONSTANT,
        /** Half a cosine period from the configured rate down to zero at the last configured epoch. */
        COSINE
    }

    /** The configured rate at every step. */
    public static final LearningRateSchedule CONSTANT = new LearningRateSchedule(Decay.CONSTANT, 0);

    public LearningRateSchedule {
        if (decay == null) {
            throw new IllegalArgumentException("decay must be given");
        }
        if (warmupEpochs < 0) {
            throw new IllegalArgumentException("warmupEpochs must not be negative");
        }
    }

    /**
     * The schedule named {@code decay} ({@code constant} or {@code cosine}, as the training spec writes it).
     *
     * @throws IllegalArgumentException for any other name
     */
    public static LearningRateSchedule of(String decay, int warmupEpochs) {
        for (Decay d : Decay.values()) {
            if (d.name().equalsIgnoreCase(decay)) {
                return new LearningRateSchedule(d, warmupEpochs);
            }
        }
        throw new IllegalArgumentException("unknown learning-rate schedule '" + decay + "': constant or cosine");
    }

    /** Cosine decay to zero over the run after {@code warmupEpochs} of linear warm-up. */
    public static LearningRateSchedule cosine(int warmupEpochs) {
        return new LearningRateSchedule(Decay.COSINE, warmupEpochs);
    }

    /**
     * The factor of the configured rate at optimiser step {@code step} (1 for the first update).
     *
     * @param stepsPerEpoch optimiser steps in one epoch
     * @param epochs        the run's configured epochs: the cosine ends at their last step
     */
    public double factor(long step, long stepsPerEpoch, int epochs) {
        long warmupSteps = warmupEpochs * stepsPerEpoch;
        if (step <= warmupSteps) {
            return (double) step / warmupSteps;
        }
        if (decay == Decay.CONSTANT) {
            return 1.0;
        }
        // the first step after the warm-up runs at the full rate, the last at a small one rather than at zero
        long decaySteps = Math.max(1, epochs * stepsPerEpoch - warmupSteps);
        double progress = Math.min(1.0, (double) (step - warmupSteps - 1) / decaySteps);
        return 0.5 * (1 + Math.cos(Math.PI * progress));
    }

    /** The decay's name as the training spec writes it ({@link #of}): {@code constant} or {@code cosine}. */
    public String decayName() {
        return decay.name().toLowerCase(Locale.ROOT);
    }

    /** The name the benches give it: {@code constant}, {@code cosine}, or either with {@code -warmup-N}. */
    public String label() {
        return warmupEpochs == 0 ? decayName() : decayName() + "-warmup-" + warmupEpochs;
    }
}
