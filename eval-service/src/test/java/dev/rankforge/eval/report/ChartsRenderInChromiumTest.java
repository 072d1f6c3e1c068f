package dev.rankforge.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Renders a page with one line chart and one bar chart in headless Chromium and checks, via
 * {@link HeadlessChromium#PROBE_SCRIPT}, that both charts were really drawn. Skipped when no
 * Chromium is installed, unless {@code RANKFORGE_REQUIRE_CHROMIUM} is {@code 1}/{@code true}.
 */
class ChartsRenderInChromiumTest {

    @Test
    void chartsRenderInHeadlessChromium() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.forTest();

        String line = LineChart.svg("NDCG@10 by epoch", "epoch", "NDCG@10", List.of(
                new Series("train", List.of(new double[] {1, 0.12}, new double[] {2, 0.25}, new double[] {3, 0.37})),
                new Series("validation", List.of(new double[] {1, 0.10}, new double[] {2, 0.21}, new double[] {3, 0.30}))));
        String bar = BarChart.svg("Hit rate per target", "hit rate", List.of("before", "after"), List.of(
                new BarGroup("target-a", Arrays.asList(0.20, 0.35)),
                new BarGroup("target-b", Arrays.asList(0.50, null)),
                new BarGroup("target-c", Arrays.asList(0.05, 0.60))));
        String page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>chart check</title></head>\n"
                + "<body>\n<h1>Chart render check</h1>\n<div style=\"max-width:800px\">\n" + line + bar + "</div>\n"
                + HeadlessChromium.PROBE_SCRIPT + "</body></html>\n";

        Path dir = Path.of("target", "report-check");
        Files.createDirectories(dir);
        Path html = dir.resolve("charts.html");
        Files.writeString(html, page);

        HeadlessChromium.RenderResult result =
                chromium.render(html, dir.resolve("charts.png"));
        System.out.println("chart screenshot: " + result.screenshot().toAbsolutePath());

        assertThat(result.chartsTotal()).isEqualTo(2);
        assertThat(result.chartsRendered()).isEqualTo(2);
        assertThat(result.screenshot()).isRegularFile();
        assertThat(Files.size(result.screenshot())).isPositive();
    }
}
