package dev.rankforge.core.extract;

import dev.rankforge.core.model.ScoringModel;
import java.util.Arrays;

/**
 * White-box distillation's list source: the teacher model ranks every requested prefix on the fly (its own
 * history excluded, as the black-box API answers), so no answers are stored.
 */
public final class TeacherLists implements ListSource {
    private final ScoringModel teacher;
    private final int[][] sequences;
    private final int listLength;

    public TeacherLists(ScoringModel teacher, int[][] sequences, int listLength) {
        this.teacher = teacher;
        this.sequences = sequences;
        this.listLength = listLength;
    }

    @Override
    public int size() {
        return sequences.length;
    }

    @Override
    public int[] sequence(int index) {
        return sequences[index];
    }

    @Override
    public int listLength() {
        return listLength;
    }

    @Override
    public int[][] answers(int[] indices, int[] prefixLengths) {
        int[][] prefixes = new int[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            prefixes[i] = Arrays.copyOf(sequences[indices[i]], prefixLengths[i]);
        }
        int[][] out = teacher.recommend(prefixes, prefixes, listLength);
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.copyOf(out[i], listLength);
        }
        return out;
    }
}
