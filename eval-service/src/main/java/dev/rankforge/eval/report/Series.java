package dev.rankforge.eval.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One line of a {@link LineChart}: a named list of {@code (x, y)} points in x order.
 *
 * <p>Each point is a {@code double[]} of length 2. Points that are {@code null}, shorter than two
 * elements or contain a NaN/infinite coordinate are skipped when drawing.
 */
public record Series(String name, List<double[]> points) {

    public Series {
        name = name == null ? "" : name;
        points = points == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(points));
    }
}
