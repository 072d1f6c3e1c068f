package dev.rankforge.eval.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small shared helpers for the hand-written SVG charts: canvas size, palette, XML escaping,
 * locale-independent number formatting, "nice" axis ticks, and the common chart frame pieces.
 */
final class SvgSupport {

    /** Fixed viewBox size; the root element scales with {@code width="100%"}. */
    static final int WIDTH = 640;
    static final int HEIGHT = 360;
    static final double LEFT = 72;
    static final double RIGHT = WIDTH - 16;
    static final double TITLE_BOTTOM = 40;

    /** Okabe–Ito colour-blind-safe palette; the low-contrast yellow comes late on purpose. */
    static final List<String> PALETTE = List.of(
            "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000", "#F0E442");

    private static final double CHAR_WIDTH = 7; // rough width of one 12px sans-serif character
    private static final double LEGEND_ROW = 18;

    private SvgSupport() {
    }

    static String color(int index) {
        return PALETTE.get(Math.floorMod(index, PALETTE.size()));
    }

    /** Escapes text for use in XML element content and attribute values. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    // Control characters other than tab/newline are not allowed in XML 1.0.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Shortens text to at most {@code max} characters, ending with an ellipsis when cut. */
    static String shorten(String text, int max) {
        String t = text == null ? "" : text;
        return t.length() <= max ? t : t.substring(0, Math.max(1, max - 1)) + "\u2026";
    }

    /** Like {@link #shorten} but cuts in the middle, keeping distinguishing suffixes ("target-…-12"). */
    static String shortenMiddle(String text, int max) {
        String t = text == null ? "" : text;
        if (t.length() <= max || max < 3) {
            return shorten(t, max);
        }
        int tail = (max - 1) / 2;
        return t.substring(0, max - 1 - tail) + "\u2026" + t.substring(t.length() - tail);
    }

    /** A coordinate with at most one decimal, {@link Locale#ROOT}. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "0";
        }
        double r = Math.round(v * 10) / 10.0;
        if (r == Math.rint(r)) {
            return Long.toString((long) r);
        }
        return String.format(Locale.ROOT, "%.1f", r);
    }

    /** A data value for tooltips: four significant digits, no trailing zeros. */
    static String value(double v) {
        if (v == 0) {
            return "0";
        }
        BigDecimal d = BigDecimal.valueOf(v).round(new MathContext(4)).stripTrailingZeros();
        double abs = Math.abs(v);
        return abs >= 1e-4 && abs < 1e9 ? d.toPlainString() : d.toString();
    }

    /** Linear map of {@code v} from [d0, d1] to [p0, p1]. */
    static double scale(double v, double d0, double d1, double p0, double p1) {
        return d1 == d0 ? (p0 + p1) / 2 : p0 + (v - d0) / (d1 - d0) * (p1 - p0);
    }

    /**
     * Axis ticks at multiples of {@code step = m × 10^exponent} (m ∈ {1, 2, 5}).
     *
     * @param values tick values from {@code min} to {@code max}, 4 to 6 of them
     */
    record Ticks(double min, double max, double step, int exponent, List<Double> values) {

        /** Tick label: minimal decimals, trailing zeros trimmed, "k"/"M" for large axes. */
        String label(double v) {
            if (v == 0) {
                return "0";
            }
            double top = Math.max(Math.abs(min), Math.abs(max));
            double div = 1;
            String suffix = "";
            if (top >= 1e6 && exponent >= 5) {
                div = 1e6;
                suffix = "M";
            } else if (top >= 1e3 && exponent >= 2) {
                div = 1e3;
                suffix = "k";
            }
            int shift = suffix.isEmpty() ? 0 : (suffix.equals("k") ? 3 : 6);
            int decimals = Math.max(0, shift - exponent);
            String s = String.format(Locale.ROOT, "%." + decimals + "f", v / div);
            if (s.indexOf('.') >= 0) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
            if (s.equals("-0")) {
                s = "0";
            }
            return s + suffix;
        }
    }

    /**
     * "Nice" ticks covering [lo, hi]: picks the 1/2/5×10^n step giving 4–6 ticks with the tightest
     * span. An empty range is padded first.
     */
    static Ticks ticks(double lo, double hi) {
        if (!(hi > lo)) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
        }
        double span = hi - lo;
        if (!Double.isFinite(span) || span <= 0) {
            return new Ticks(lo, hi, span, 0, List.of(lo, hi));
        }
        int e0 = (int) Math.floor(Math.log10(span));
        Ticks best = null;
        for (int e = e0 - 2; e <= e0 + 1; e++) {
            for (int m : new int[] {1, 2, 5}) {
                Ticks t = candidate(lo, hi, m, e);
                if (t != null && better(t, best)) {
                    best = t;
                }
            }
        }
        return best != null ? best : new Ticks(lo, hi, span, e0, List.of(lo, hi));
    }

    private static Ticks candidate(double lo, double hi, int m, int e) {
        double step = m * Math.pow(10, e);
        long a = (long) Math.floor(lo / step + 1e-9);
        long b = (long) Math.ceil(hi / step - 1e-9);
        if (b - a + 1 > 6) {
            return null;
        }
        boolean up = true;
        while (b - a + 1 < 4) { // too coarse: widen, without crossing zero when the data does not
            boolean canDown = lo < 0 || a - 1 >= 0;
            boolean canUp = hi > 0 || b + 1 <= 0;
            if ((up && canUp) || !canDown) {
                b++;
            } else {
                a--;
            }
            up = !up;
        }
        List<Double> values = new ArrayList<>();
        for (long k = a; k <= b; k++) {
            // (k*m) / 10^-e is the correctly rounded double of the decimal, e.g. exactly 0.3
            values.add(e >= 0 ? k * m * Math.pow(10, e) : (double) (k * m) / Math.pow(10, -e));
        }
        return new Ticks(values.get(0), values.get(values.size() - 1), step, e, List.copyOf(values));
    }

    private static boolean better(Ticks t, Ticks best) {
        if (best == null) {
            return true;
        }
        double span = t.max() - t.min();
        double bestSpan = best.max() - best.min();
        double eps = 1e-9 * Math.max(Math.abs(span), Math.abs(bestSpan));
        if (Math.abs(span - bestSpan) > eps) {
            return span < bestSpan;
        }
        return Math.abs(t.values().size() - 5) < Math.abs(best.values().size() - 5);
    }

    /** Opens the root element with the {@code <title>}, a white background and the visible title. */
    static StringBuilder open(String title) {
        String t = esc(title);
        StringBuilder sb = new StringBuilder(8192);
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"rf-chart\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"100%\" style=\"height:auto\" preserveAspectRatio=\"xMidYMid meet\"")
                .append(" role=\"img\" aria-label=\"").append(t)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        sb.append("<title>").append(t).append("</title>\n");
        sb.append("<rect class=\"background\" x=\"0\" y=\"0\" width=\"").append(WIDTH)
                .append("\" height=\"").append(HEIGHT).append("\" fill=\"#ffffff\"/>\n");
        sb.append("<text class=\"chart-title\" x=\"").append(WIDTH / 2)
                .append("\" y=\"24\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">")
                .append(esc(shorten(title, 80))).append("</text>\n");
        return sb;
    }

    static String close(StringBuilder sb) {
        return sb.append("</svg>\n").toString();
    }

    /** A chart frame that only says "no data". */
    static String noData(String title) {
        StringBuilder sb = open(title);
        sb.append("<rect class=\"frame\" x=\"").append(num(LEFT)).append("\" y=\"").append(num(TITLE_BOTTOM))
                .append("\" width=\"").append(num(RIGHT - LEFT)).append("\" height=\"")
                .append(num(HEIGHT - 48 - TITLE_BOTTOM)).append("\" fill=\"none\" stroke=\"#cccccc\"/>\n");
        sb.append("<text class=\"no-data\" x=\"").append(num((LEFT + RIGHT) / 2)).append("\" y=\"")
                .append(num((TITLE_BOTTOM + HEIGHT - 48) / 2 + 6))
                .append("\" text-anchor=\"middle\" font-size=\"16\" fill=\"#666666\">no data</text>\n");
        return close(sb);
    }

    /**
     * Draws a legend in rows below the title, wrapping at the right edge.
     *
     * @param bars square swatches (bar chart) instead of short lines (line chart)
     * @return the y coordinate just below the legend
     */
    static double legend(StringBuilder sb, List<String> names, boolean bars) {
        double x = LEFT;
        double y = TITLE_BOTTOM + 2;
        sb.append("<g class=\"legend\">\n");
        for (int i = 0; i < names.size(); i++) {
            String name = shorten(names.get(i), 40);
            double w = 22 + name.length() * CHAR_WIDTH + 14;
            if (x > LEFT && x + w > RIGHT) {
                x = LEFT;
                y += LEGEND_ROW;
            }
            String c = color(i);
            if (bars) {
                sb.append("<rect class=\"swatch\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
                        .append("\" width=\"12\" height=\"12\" fill=\"").append(c).append("\"/>");
            } else {
                sb.append("<line class=\"swatch\" x1=\"").append(num(x)).append("\" y1=\"").append(num(y + 6))
                        .append("\" x2=\"").append(num(x + 16)).append("\" y2=\"").append(num(y + 6))
                        .append("\" stroke=\"").append(c).append("\" stroke-width=\"3\"/>");
            }
            sb.append("<text x=\"").append(num(x + 22)).append("\" y=\"").append(num(y + 10)).append("\">")
                    .append(esc(name)).append("</text>\n");
            x += w;
        }
        sb.append("</g>\n");
        return y + LEGEND_ROW + 6;
    }

    /** Horizontal grid lines with y tick labels, the y axis line and the rotated y axis label. */
    static void yAxis(StringBuilder sb, Ticks t, double top, double bottom, String label) {
        sb.append("<g class=\"y-axis\">\n");
        for (double v : t.values()) {
            double y = scale(v, t.min(), t.max(), bottom, top);
            sb.append("<line class=\"grid\" x1=\"").append(num(LEFT)).append("\" y1=\"").append(num(y))
                    .append("\" x2=\"").append(num(RIGHT)).append("\" y2=\"").append(num(y))
                    .append("\" stroke=\"").append(v == 0 ? "#888888" : "#e5e5e5").append("\"/>");
            sb.append("<text class=\"tick\" x=\"").append(num(LEFT - 6)).append("\" y=\"").append(num(y + 4))
                    .append("\" text-anchor=\"end\">").append(esc(t.label(v))).append("</text>\n");
        }
        sb.append("<line class=\"axis\" x1=\"").append(num(LEFT)).append("\" y1=\"").append(num(top))
                .append("\" x2=\"").append(num(LEFT)).append("\" y2=\"").append(num(bottom))
                .append("\" stroke=\"#333333\"/>\n");
        double mid = (top + bottom) / 2;
        sb.append("<text class=\"axis-label\" x=\"16\" y=\"").append(num(mid))
                .append("\" transform=\"rotate(-90 16 ").append(num(mid)).append(")\" text-anchor=\"middle\">")
                .append(esc(shorten(label, 50))).append("</text>\n");
        sb.append("</g>\n");
    }

    /** The bottom axis line of the plot area. */
    static void xAxisLine(StringBuilder sb, double bottom) {
        sb.append("<line class=\"axis\" x1=\"").append(num(LEFT)).append("\" y1=\"").append(num(bottom))
                .append("\" x2=\"").append(num(RIGHT)).append("\" y2=\"").append(num(bottom))
                .append("\" stroke=\"#333333\"/>\n");
    }
}
