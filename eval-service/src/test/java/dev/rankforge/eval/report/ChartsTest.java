package dev.rankforge.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartsTest {

    private static double[] p(double x, double y) {
        return new double[] {x, y};
    }

    /** Parses with the JDK's XML parser: throws if the SVG is not well-formed. */
    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("svg");
        assertThat(root.getAttribute("class")).isEqualTo("rf-chart");
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 640 360");
        assertThat(root.getAttribute("width")).isEqualTo("100%");
        assertThat(root.getElementsByTagName("title").item(0).getParentNode()).isSameAs(root);
        return doc;
    }

    private static int count(Document doc, String tag) {
        return doc.getElementsByTagName(tag).getLength();
    }

    private static int bars(Document doc) {
        NodeList rects = doc.getElementsByTagName("rect");
        int n = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            if ("bar".equals(((Element) rects.item(i)).getAttribute("class"))) {
                n++;
            }
        }
        return n;
    }

    private static List<String> texts(Document doc, String cssClass) {
        List<String> out = new ArrayList<>();
        NodeList ts = doc.getElementsByTagName("text");
        for (int i = 0; i < ts.getLength(); i++) {
            Element t = (Element) ts.item(i);
            if (cssClass.equals(t.getAttribute("class"))) {
                out.add(t.getTextContent());
            }
        }
        return out;
    }

    @Test
    void lineChartDrawsOneLinePerNonEmptySeries() throws Exception {
        String svg = LineChart.svg("ndcg", "epoch", "ndcg@10", List.of(
                new Series("train", List.of(p(1, 0.1), p(2, 0.2), p(3, 0.3))),
                new Series("val", List.of(p(1, 0.05), p(2, Double.NaN), p(3, 0.25))),
                new Series("broken", List.of(p(1, Double.NaN), p(Double.POSITIVE_INFINITY, 2))),
                new Series("empty", List.of())));
        Document doc = parse(svg);
        assertThat(count(doc, "polyline") + count(doc, "path")).isEqualTo(2);
        assertThat(count(doc, "circle")).isEqualTo(5); // NaN point skipped
        assertThat(svg).doesNotContain("NaN", "Infinity");
        assertThat(doc.getElementsByTagName("g").item(0).getTextContent()).contains("train", "val", "empty");
    }

    @Test
    void lineChartHandlesNegativeSinglePointAndEqualValues() throws Exception {
        Document negative = parse(LineChart.svg("delta", "x", "y",
                List.of(new Series("d", List.of(p(0, -0.3), p(1, 0.2), p(2, -0.05))))));
        assertThat(texts(negative, "tick")).contains("-0.3", "0", "0.2");

        Document single = parse(LineChart.svg("one", "x", "y", List.of(new Series("s", List.<double[]>of(p(3, 0.5))))));
        assertThat(count(single, "polyline")).isEqualTo(1);
        assertThat(count(single, "circle")).isEqualTo(1);

        String flat = LineChart.svg("flat", "x", "y", List.of(new Series("f", List.of(p(1, 5), p(2, 5), p(3, 5)))));
        Document flatDoc = parse(flat);
        assertThat(count(flatDoc, "polyline")).isEqualTo(1);
        assertThat(flat).doesNotContain("NaN", "Infinity");
        assertThat(texts(flatDoc, "tick")).contains("5");
    }

    @Test
    void barChartDrawsOneRectPerValue() throws Exception {
        String svg = BarChart.svg("hit rate", "hits", List.of("before", "after"), List.of(
                new BarGroup("a", Arrays.asList(0.2, 0.3)),
                new BarGroup("b", Arrays.asList(0.5, null)),
                new BarGroup("c", Arrays.asList(Double.NaN, -0.1))));
        Document doc = parse(svg);
        assertThat(bars(doc)).isEqualTo(4);
        assertThat(texts(doc, "group-label")).containsExactly("a", "b", "c");
        assertThat(svg).contains(">before<", ">after<").doesNotContain("NaN");
    }

    @Test
    void barChartRotatesLabelsForManyGroups() throws Exception {
        List<BarGroup> groups = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            groups.add(new BarGroup("target-" + i, List.of(i * 1000.0)));
        }
        Document doc = parse(BarChart.svg("many", "count", List.of("v"), groups));
        assertThat(bars(doc)).isEqualTo(20);
        Element label = (Element) doc.getElementsByTagName("text").item(doc.getElementsByTagName("text").getLength() - 1);
        assertThat(label.getAttribute("transform")).startsWith("rotate(");
        assertThat(texts(doc, "tick")).contains("0", "20k");
    }

    @Test
    void textIsEscaped() throws Exception {
        String title = "a <&> \"b\" 'c'";
        String svg = LineChart.svg(title, "<x>", "y&", List.of(new Series("s<1>", List.of(p(0, 1), p(1, 2)))));
        assertThat(svg).contains("&lt;&amp;&gt;", "&quot;b&quot;", "&apos;c&apos;").doesNotContain("<&>");
        Document doc = parse(svg);
        assertThat(doc.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(title);
        assertThat(texts(doc, "axis-label")).contains("<x>", "y&");

        Document bar = parse(BarChart.svg(title, "<y>", List.of("<s>"), List.of(new BarGroup("g&", List.of(1.0)))));
        assertThat(bar.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(title);
        assertThat(texts(bar, "group-label")).containsExactly("g&");
    }

    @Test
    void emptyInputSaysNoData() throws Exception {
        for (String svg : List.of(
                LineChart.svg("empty", "x", "y", List.of()),
                LineChart.svg("null", "x", "y", null),
                LineChart.svg("nan", "x", "y", List.of(new Series("s", List.<double[]>of(p(Double.NaN, 1))))),
                BarChart.svg("empty", "y", List.of("a"), List.of()),
                BarChart.svg("missing", "y", List.of("a"), List.of(new BarGroup("g", Arrays.asList((Double) null)))))) {
            Document doc = parse(svg);
            assertThat(texts(doc, "no-data")).containsExactly("no data");
            assertThat(count(doc, "polyline") + count(doc, "path") + bars(doc)).isZero();
        }
    }

    @Test
    void niceTicksForSmallRange() throws Exception {
        SvgSupport.Ticks t = SvgSupport.ticks(0, 0.37);
        assertThat(t.values()).containsExactly(0.0, 0.1, 0.2, 0.3, 0.4);
        assertThat(t.values().stream().map(t::label)).containsExactly("0", "0.1", "0.2", "0.3", "0.4");
        assertThat(SvgSupport.ticks(0, 1).values().stream().map(SvgSupport.ticks(0, 1)::label))
                .containsExactly("0", "0.2", "0.4", "0.6", "0.8", "1");
        assertThat(SvgSupport.ticks(0, 0.9).values()).containsExactly(0.0, 0.2, 0.4, 0.6, 0.8, 1.0);

        Document doc = parse(LineChart.svg("ndcg", "epoch", "ndcg", List.of(
                new Series("s", List.of(p(1, 0), p(2, 0.37))))));
        assertThat(texts(doc, "tick")).contains("0", "0.1", "0.2", "0.3", "0.4");
    }

    @Test
    void ticksAreNiceAndCoverTheRange() {
        Random random = new Random(42);
        for (int i = 0; i < 5000; i++) {
            double scale = Math.pow(10, random.nextInt(12) - 6);
            double a = (random.nextDouble() * 2 - 1) * scale;
            double b = random.nextInt(10) == 0 ? a : a + random.nextDouble() * scale;
            SvgSupport.Ticks t = SvgSupport.ticks(a, b);
            assertThat(t.values()).as("ticks for %s..%s", a, b).hasSizeBetween(4, 6);
            assertThat(t.min()).isLessThanOrEqualTo(a);
            assertThat(t.max()).isGreaterThanOrEqualTo(b);
            double mantissa = t.step() / Math.pow(10, t.exponent());
            assertThat(Math.round(mantissa)).isIn(1L, 2L, 5L);
            assertThat(t.values().stream().map(t::label).distinct().count()).isEqualTo(t.values().size());
        }
    }
}
