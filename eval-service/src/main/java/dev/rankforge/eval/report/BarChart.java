package dev.rankforge.eval.report;

import static dev.rankforge.eval.report.SvgSupport.LEFT;
import static dev.rankforge.eval.report.SvgSupport.RIGHT;
import static dev.rankforge.eval.report.SvgSupport.esc;
import static dev.rankforge.eval.report.SvgSupport.num;
import static dev.rankforge.eval.report.SvgSupport.scale;
import static dev.rankforge.eval.report.SvgSupport.value;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders {@link BarGroup}s as a self-contained inline SVG grouped vertical bar chart: the y axis
 * starts at 0 (negative values extend below it), nice ticks, a legend with the series names, and
 * the group labels under the axis, rotated when there are many or long ones. Missing values
 * ({@code null}, NaN, infinite) leave a gap; with no value at all the chart just says "no data".
 */
public final class BarChart {

    private static final int MAX_STRAIGHT_GROUPS = 8;

    private BarChart() {
    }

    /**
     * A grouped vertical bar chart, y from 0, nice ticks, legend with the series names, group
     * labels under the axis (rotated when there are many groups).
     */
    public static String svg(String title, String yLabel, List<String> seriesNames, List<BarGroup> groups) {
        List<BarGroup> gs = new ArrayList<>();
        int seriesCount = seriesNames == null ? 0 : seriesNames.size();
        double lo = 0, hi = 0;
        boolean any = false;
        for (BarGroup g : groups == null ? List.<BarGroup>of() : groups) {
            BarGroup group = g == null ? new BarGroup("", List.of()) : g;
            gs.add(group);
            seriesCount = Math.max(seriesCount, group.values().size());
            for (Double v : group.values()) {
                if (finite(v)) {
                    any = true;
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!any) {
            return SvgSupport.noData(title);
        }
        if (hi == lo) { // all zero
            hi = 1;
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < seriesCount; j++) {
            String n = seriesNames != null && j < seriesNames.size() ? seriesNames.get(j) : null;
            names.add(n != null ? n : "series " + (j + 1));
        }

        StringBuilder sb = SvgSupport.open(title);
        double top = SvgSupport.legend(sb, names, true);
        double groupWidth = (RIGHT - LEFT) / gs.size();
        int fitChars = (int) Math.max(1, (groupWidth - 4) / 7);
        boolean rotate = gs.size() > MAX_STRAIGHT_GROUPS
                || gs.stream().anyMatch(g -> g.label().length() > fitChars);
        double bottom = SvgSupport.HEIGHT - (rotate ? 96 : 40);
        SvgSupport.Ticks yt = SvgSupport.ticks(lo, hi);
        SvgSupport.yAxis(sb, yt, top, bottom, yLabel);

        double zero = scale(0, yt.min(), yt.max(), bottom, top);
        double barWidth = groupWidth * 0.8 / seriesCount;
        sb.append("<g class=\"bars\">\n");
        for (int g = 0; g < gs.size(); g++) {
            BarGroup group = gs.get(g);
            double x0 = LEFT + g * groupWidth + groupWidth * 0.1;
            for (int j = 0; j < group.values().size(); j++) {
                Double v = group.values().get(j);
                if (!finite(v)) {
                    continue;
                }
                double y = scale(v, yt.min(), yt.max(), bottom, top);
                sb.append("<rect class=\"bar\" x=\"").append(num(x0 + j * barWidth)).append("\" y=\"")
                        .append(num(Math.min(y, zero))).append("\" width=\"").append(num(Math.max(1, barWidth - 1)))
                        .append("\" height=\"").append(num(Math.abs(zero - y))).append("\" fill=\"")
                        .append(SvgSupport.color(j)).append("\"><title>").append(esc(group.label())).append(" \u2013 ")
                        .append(esc(names.get(j))).append(": ").append(value(v)).append("</title></rect>\n");
            }
        }
        sb.append("</g>\n<g class=\"x-axis\">\n");
        for (int g = 0; g < gs.size(); g++) {
            double cx = LEFT + (g + 0.5) * groupWidth;
            String label = esc(SvgSupport.shortenMiddle(gs.get(g).label(), rotate ? 16 : fitChars));
            if (rotate) {
                double y = bottom + 12;
                sb.append("<text class=\"group-label\" x=\"").append(num(cx)).append("\" y=\"").append(num(y))
                        .append("\" transform=\"rotate(-40 ").append(num(cx)).append(' ').append(num(y))
                        .append(")\" text-anchor=\"end\">").append(label).append("</text>\n");
            } else {
                sb.append("<text class=\"group-label\" x=\"").append(num(cx)).append("\" y=\"")
                        .append(num(bottom + 18)).append("\" text-anchor=\"middle\">").append(label).append("</text>\n");
            }
        }
        sb.append("</g>\n");
        SvgSupport.xAxisLine(sb, bottom);
        return SvgSupport.close(sb);
    }

    private static boolean finite(Double v) {
        return v != null && Double.isFinite(v);
    }
}
