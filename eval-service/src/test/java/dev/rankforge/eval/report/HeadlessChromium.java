package dev.rankforge.eval.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Test utility: renders a local HTML file in headless Chromium (Debian's {@code chromium}
 * package) and reports whether the inline {@code svg.rf-chart} charts really rendered.
 *
 * <p>The page must include {@link #PROBE_SCRIPT}; it records its findings as
 * {@code data-charts-total} / {@code data-charts-rendered} on {@code <body>}, which this class
 * reads back from the DOM that Chromium dumps after the page has loaded.
 */
public final class HeadlessChromium {

    /**
     * Inline script for the page under test: on {@code load} it counts the {@code svg.rf-chart}
     * elements that are laid out ({@code getBBox()} and on-screen box with width and height > 0)
     * and contain at least one drawn element (polyline, path or {@code rect.bar}).
     */
    public static final String PROBE_SCRIPT = """
            <script>
            window.addEventListener('load', function () {
              var charts = document.querySelectorAll('svg.rf-chart');
              var rendered = 0;
              charts.forEach(function (svg) {
                try {
                  var box = svg.getBBox();
                  var screen = svg.getBoundingClientRect();
                  var drawn = svg.querySelector('polyline, path, rect.bar');
                  if (box.width > 0 && box.height > 0 && screen.width > 0 && screen.height > 0 && drawn) {
                    rendered++;
                  }
                } catch (e) {
                  /* not rendered */
                }
              });
              document.body.dataset.chartsTotal = String(charts.length);
              document.body.dataset.chartsRendered = String(rendered);
            });
            </script>
            """;

    /** What one render produced. */
    public record RenderResult(int chartsTotal, int chartsRendered, Path screenshot, String dom) {
    }

    private static final List<String> CANDIDATES = List.of("chromium", "chromium-browser", "google-chrome");
    private static final long TIMEOUT_SECONDS = 60;
    private static final Pattern BODY = Pattern.compile("<body\\b([^>]*)>", Pattern.CASE_INSENSITIVE);

    private final Path executable;

    public HeadlessChromium(Path executable) {
        this.executable = executable;
    }

    /**
     * The browser for a test: found, or the test is skipped — unless {@code RANKFORGE_REQUIRE_CHROMIUM} is
     * {@code 1}/{@code true} (CI sets it), where a missing browser fails the test.
     */
    public static HeadlessChromium forTest() {
        Optional<Path> found = find();
        if (found.isEmpty()) {
            String message = "headless Chromium not found: install Debian's chromium (apt-get install chromium) or set CHROMIUM";
            String require = System.getenv("RANKFORGE_REQUIRE_CHROMIUM");
            if ("1".equals(require) || "true".equalsIgnoreCase(require)) {
                throw new AssertionError(message);
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(false, message);
        }
        return new HeadlessChromium(found.get());
    }

    /** Env {@code CHROMIUM} if set, else the first of chromium, chromium-browser, google-chrome on PATH. */
    public static Optional<Path> find() {
        String env = System.getenv("CHROMIUM");
        if (env != null && !env.isBlank()) {
            Optional<Path> p = env.contains(File.separator) ? executable(Path.of(env)) : onPath(env);
            if (p.isEmpty()) {
                throw new IllegalStateException("CHROMIUM=" + env + " is not an executable file");
            }
            return p;
        }
        return CANDIDATES.stream().map(HeadlessChromium::onPath).flatMap(Optional::stream).findFirst();
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .map(HeadlessChromium::executable)
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<Path> executable(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }

    /**
     * Renders {@code html}: one Chromium run writes the screenshot and dumps the DOM after the load
     * event (new headless mode, Chromium 112+, does both at once); a Chromium that only honours one
     * of the two switches is simply run a second time for the missing part. The probe's counts are
     * read from the dumped DOM.
     *
     * @throws IOException if Chromium fails, times out or the page has no probe result
     */
    public RenderResult render(Path html, Path screenshotPng) throws IOException, InterruptedException {
        String url = html.toAbsolutePath().toUri().toString();
        Path png = screenshotPng.toAbsolutePath();
        if (png.getParent() != null) {
            Files.createDirectories(png.getParent());
        }
        Files.deleteIfExists(png);
        String dom = run(List.of("--screenshot=" + png, "--dump-dom", url));
        if (!hasScreenshot(png)) {
            run(List.of("--screenshot=" + png, url));
            if (!hasScreenshot(png)) {
                throw new IOException("chromium exited normally but wrote no screenshot to " + png);
            }
        }
        Matcher body = BODY.matcher(dom);
        boolean found = body.find();
        if (!found) {
            dom = run(List.of("--dump-dom", url));
            body = BODY.matcher(dom);
            found = body.find();
        }
        if (!found) {
            throw new IOException("no <body> in the DOM dumped by chromium:\n" + head(dom));
        }
        String attrs = body.group(1);
        return new RenderResult(attribute(attrs, "data-charts-total", dom),
                attribute(attrs, "data-charts-rendered", dom), png, dom);
    }

    private static boolean hasScreenshot(Path png) throws IOException {
        return Files.isRegularFile(png) && Files.size(png) > 0;
    }

    private static int attribute(String bodyAttributes, String name, String dom) throws IOException {
        Matcher m = Pattern.compile("\\b" + name + "=\"(\\d+)\"").matcher(bodyAttributes);
        if (!m.find()) {
            throw new IOException("<body> has no " + name + " attribute: does the page include"
                    + " HeadlessChromium.PROBE_SCRIPT and did its load event fire?\n" + head(dom));
        }
        return Integer.parseInt(m.group(1));
    }

    /** Runs chromium with the common headless flags plus {@code extra}; returns its stdout. */
    private String run(List<String> extra) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("rf-chromium");
        try {
            Path out = work.resolve("stdout");
            Path err = work.resolve("stderr");
            List<String> cmd = new ArrayList<>(List.of(executable.toString(),
                    "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                    "--user-data-dir=" + work.resolve("profile"),
                    "--window-size=1280,4000", "--virtual-time-budget=5000"));
            cmd.addAll(extra);
            // Output goes to files, so neither pipe can fill up and block the (noisy) browser.
            ProcessBuilder builder = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().remove("LD_PRELOAD"); // the JVM's jemalloc (scripts/fast-allocator.sh) is not Chromium's
            Process p = builder.start();
            p.getOutputStream().close();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IOException("chromium timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", cmd)
                        + "\nstderr (tail):\n" + tail(err));
            }
            if (p.exitValue() != 0) {
                throw new IOException("chromium exited with " + p.exitValue() + ": " + String.join(" ", cmd)
                        + "\nstderr (tail):\n" + tail(err));
            }
            return new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
        } finally {
            deleteRecursively(work);
        }
    }

    private static String tail(Path file) throws IOException {
        String s = Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        return s.length() <= 4000 ? s : "..." + s.substring(s.length() - 4000);
    }

    private static String head(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000) + "...";
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temp profile is harmless
        }
    }
}
