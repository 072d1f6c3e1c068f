package dev.rankforge.core.train;

/** How an architecture is trained; decides how training batches are cut and which loss scores them. */
public enum Objective {
    /** Next item at every position, full-softmax cross-entropy (GRU4Rec). */
    NEXT_ITEM_ALL_POSITIONS,
    /** Next item after a random prefix of each sequence, full-softmax cross-entropy (NARM). */
    NEXT_ITEM_LAST_POSITION,
    /** Next item at every position against one sampled negative, binary cross-entropy (SASRec). */
    NEXT_ITEM_SAMPLED_BCE,
    /** Cloze: randomly masked items predicted with full-softmax cross-entropy (BERT4Rec). */
    MASKED_ITEM
}
