package dev.rankforge.eval.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One group of bars in a {@link BarChart} (for example one target), holding one value per series
 * (for example "before" and "after"). A {@code null}, NaN or infinite value is a missing bar.
 */
public record BarGroup(String label, List<Double> values) {

    public BarGroup {
        label = label == null ? "" : label;
        values = values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }
}
