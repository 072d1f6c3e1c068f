package dev.rankforge.core.extract;

/**
 * Sequences and a teacher's ranked answer for each of their prefixes: what a student is distilled from. A
 * black-box extraction reads answers recorded in a {@link QuerySet}; white-box distillation asks a teacher model
 * on the fly.
 */
public interface ListSource {
    int size();

    int[] sequence(int index);

    /** Length of the answer lists. */
    int listLength();

    /**
     * The teacher's ranked list (best first, {@link #listLength()} entries, 0-padded when shorter) after the
     * first {@code prefixLengths[i]} items of sequence {@code indices[i]}.
     */
    int[][] answers(int[] indices, int[] prefixLengths);
}
