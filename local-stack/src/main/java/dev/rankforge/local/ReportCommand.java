package dev.rankforge.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rankforge report ID}: saves an experiment's self-contained HTML report (and its results as CSV). */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Save an experiment's report (report-ID.html, one self-contained page) and results (results-ID.csv).")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "An experiment id.")
    String id;

    @Option(names = "--out", defaultValue = ".", description = "Folder to write into (default: the current one).")
    Path out;

    @Mixin
    StackConnection connection;

    @Override
    public Integer call() throws Exception {
        RankforgeClient client = connection.client();
        String eval = connection.evalUrl();
        Files.createDirectories(out);
        Path report = out.resolve("report-" + id + ".html");
        Files.writeString(report, client.getText(eval + "/experiments/" + id + "/report"));
        Path csv = out.resolve("results-" + id + ".csv");
        Files.writeString(csv, client.getText(eval + "/experiments/" + id + "/results?format=csv"));
        System.out.println("Report: " + report.toAbsolutePath() + "\nResults: " + csv.toAbsolutePath());
        return 0;
    }
}
