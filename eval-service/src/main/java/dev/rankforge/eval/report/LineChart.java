package dev.rankforge.eval.report;

import static dev.rankforge.eval.report.SvgSupport.LEFT;
import static dev.rankforge.eval.report.SvgSupport.RIGHT;
import static dev.rankforge.eval.report.SvgSupport.TITLE_BOTTOM;
import static dev.rankforge.eval.report.SvgSupport.esc;
import static dev.rankforge.eval.report.SvgSupport.num;
import static dev.rankforge.eval.report.SvgSupport.scale;
import static dev.rankforge.eval.report.SvgSupport.value;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders {@link Series} as a self-contained inline SVG line chart (no scripts, no external
 * resources): nice ticks on both axes, axis labels, point markers and, for more than one series,
 * a legend. Points with a NaN/infinite coordinate are skipped; with no drawable point at all the
 * chart just says "no data".
 */
public final class LineChart {

    /** Series with more points than this are drawn without markers to keep the SVG small. */
    private static final int MAX_MARKERS = 100;

    private LineChart() {
    }

    /**
     * A line chart with axes, 4–6 "nice" ticks per axis (1/2/5×10^n), axis labels, a legend when
     * more than one series, markers on points.
     */
    public static String svg(String title, String xLabel, String yLabel, List<Series> series) {
        List<Series> all = series == null ? List.of() : series;
        List<List<double[]>> drawable = new ArrayList<>();
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        for (Series s : all) {
            List<double[]> pts = new ArrayList<>();
            for (double[] p : s == null ? List.<double[]>of() : s.points()) {
                if (p != null && p.length >= 2 && Double.isFinite(p[0]) && Double.isFinite(p[1])) {
                    pts.add(p);
                    xMin = Math.min(xMin, p[0]);
                    xMax = Math.max(xMax, p[0]);
                    yMin = Math.min(yMin, p[1]);
                    yMax = Math.max(yMax, p[1]);
                }
            }
            drawable.add(pts);
        }
        if (xMin > xMax) {
            return SvgSupport.noData(title);
        }

        StringBuilder sb = SvgSupport.open(title);
        double top = TITLE_BOTTOM + 8;
        if (all.size() > 1) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                String name = all.get(i) == null ? "" : all.get(i).name();
                names.add(drawable.get(i).isEmpty() ? name + " (no data)" : name);
            }
            top = SvgSupport.legend(sb, names, false);
        }
        double bottom = SvgSupport.HEIGHT - 48;
        SvgSupport.Ticks xt = SvgSupport.ticks(xMin, xMax);
        SvgSupport.Ticks yt = SvgSupport.ticks(yMin, yMax);

        SvgSupport.yAxis(sb, yt, top, bottom, yLabel);
        sb.append("<g class=\"x-axis\">\n");
        for (double v : xt.values()) {
            double x = scale(v, xt.min(), xt.max(), LEFT, RIGHT);
            sb.append("<line class=\"tick\" x1=\"").append(num(x)).append("\" y1=\"").append(num(bottom))
                    .append("\" x2=\"").append(num(x)).append("\" y2=\"").append(num(bottom + 5))
                    .append("\" stroke=\"#333333\"/>");
            sb.append("<text class=\"tick\" x=\"").append(num(x)).append("\" y=\"").append(num(bottom + 18))
                    .append("\" text-anchor=\"middle\">").append(esc(xt.label(v))).append("</text>\n");
        }
        sb.append("<text class=\"axis-label\" x=\"").append(num((LEFT + RIGHT) / 2)).append("\" y=\"")
                .append(num(bottom + 38)).append("\" text-anchor=\"middle\">")
                .append(esc(SvgSupport.shorten(xLabel, 80))).append("</text>\n");
        sb.append("</g>\n");
        SvgSupport.xAxisLine(sb, bottom);

        for (int i = 0; i < drawable.size(); i++) {
            List<double[]> pts = drawable.get(i);
            if (pts.isEmpty()) {
                continue;
            }
            String c = SvgSupport.color(i);
            String name = esc(all.get(i).name());
            StringBuilder line = new StringBuilder();
            StringBuilder markers = new StringBuilder();
            for (double[] p : pts) {
                String x = num(scale(p[0], xt.min(), xt.max(), LEFT, RIGHT));
                String y = num(scale(p[1], yt.min(), yt.max(), bottom, top));
                line.append(line.length() == 0 ? "" : " ").append(x).append(',').append(y);
                if (pts.size() <= MAX_MARKERS) {
                    markers.append("<circle class=\"marker\" cx=\"").append(x).append("\" cy=\"").append(y)
                            .append("\" r=\"3\" fill=\"").append(c).append("\"><title>").append(name)
                            .append(name.isEmpty() ? "" : ": ").append(value(p[0])).append(", ")
                            .append(value(p[1])).append("</title></circle>\n");
                }
            }
            sb.append("<g class=\"series\">\n<polyline class=\"line\" fill=\"none\" stroke=\"").append(c)
                    .append("\" stroke-width=\"2\" stroke-linejoin=\"round\" points=\"").append(line)
                    .append("\"/>\n").append(markers).append("</g>\n");
        }
        return SvgSupport.close(sb);
    }
}
