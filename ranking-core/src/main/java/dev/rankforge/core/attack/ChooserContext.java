package dev.rankforge.core.attack;

import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.model.WhiteBoxModel;

/**
 * What an {@link ItemChooser} may use: the catalogue size, and, when the attack has them, the surrogate, item
 * popularity and the victim's training data. A chooser checks for what its {@link Knowledge} names.
 *
 * @param numItems     items are {@code 1..numItems}
 * @param surrogate    the white-box surrogate, or {@code null}
 * @param popularity   interaction counts indexed by item id, or {@code null}
 * @param trainingData the victim's training sequences, or {@code null}
 * @param seed         seed of every random choice
 */
public record ChooserContext(int numItems, WhiteBoxModel surrogate, long[] popularity, SequenceDataset trainingData,
                             long seed) {
    WhiteBoxModel requireSurrogate(String chooser) {
        if (surrogate == null) {
            throw new IllegalArgumentException("chooser '" + chooser + "' needs a surrogate model");
        }
        return surrogate;
    }

    long[] requirePopularity(String chooser) {
        if (popularity == null) {
            throw new IllegalArgumentException("chooser '" + chooser + "' needs item popularity");
        }
        return popularity;
    }

    SequenceDataset requireTrainingData(String chooser) {
        if (trainingData == null) {
            throw new IllegalArgumentException("chooser '" + chooser + "' needs the victim's training data");
        }
        return trainingData;
    }
}
