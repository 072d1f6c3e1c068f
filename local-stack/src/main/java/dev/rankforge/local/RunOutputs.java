package dev.rankforge.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes what a finished run keeps: {@code experiment.json}, {@code results.json}, {@code results.csv}, {@code report.html}. */
public final class RunOutputs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunOutputs() {
    }

    public static void write(RankforgeClient client, String evalUrl, String id, JsonNode experiment, Path dir)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("experiment.json").toFile(), experiment);
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("results.json").toFile(),
                client.get(evalUrl + "/experiments/" + id + "/results"));
        Files.writeString(dir.resolve("results.csv"), client.getText(evalUrl + "/experiments/" + id + "/results?format=csv"));
        Files.writeString(dir.resolve("report.html"), client.getText(evalUrl + "/experiments/" + id + "/report"));
    }
}
