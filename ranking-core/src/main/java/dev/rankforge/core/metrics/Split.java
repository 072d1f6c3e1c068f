package dev.rankforge.core.metrics;

import dev.rankforge.core.data.SequenceDataset;

/** Which leave-one-out target is evaluated, and from which history. */
public enum Split {
    VALIDATION {
        @Override
        public int[] history(SequenceDataset data, int user) {
            return data.validationHistory(user);
        }

        @Override
        public int target(SequenceDataset data, int user) {
            return data.validationItem(user);
        }
    },
    TEST {
        @Override
        public int[] history(SequenceDataset data, int user) {
            return data.testHistory(user);
        }

        @Override
        public int target(SequenceDataset data, int user) {
            return data.testItem(user);
        }
    };

    public abstract int[] history(SequenceDataset data, int user);

    public abstract int target(SequenceDataset data, int user);
}
