package dev.rankforge.eval;

/** The steps of an experiment plan, in order. */
public enum StepName {
    DATASET, TRAIN, EVALUATE, ATTACK
}
