package dev.rankforge.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rankforge demo}: the paper's pipeline ({@code plans/demo.yaml}) on a stack started for it — a victim,
 * its extraction through the black-box API, profile pollution and data poisoning with the stolen surrogate —
 * then the results table and the report, and everything stopped.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the paper's pipeline on this machine (plans/demo.yaml): embedded PostgreSQL, a local Kafka "
                + "broker, the four services; a victim, its extraction, two attacks; a results table and report.html.",
                "Limits that can stop a run: --max-minutes (default: none); each service must be ready within 3 minutes."})
public final class DemoCommand implements Callable<Integer> {
    static final String EXPLANATION = "Rankforge demo: trains a victim recommender, steals it through its black-box "
            + "API alone (autoregressive extraction), then uses the stolen copy to promote items in the victim "
            + "(gradient profile pollution and data poisoning), measuring every step.";

    @Mixin
    StackOptions stackOptions;

    @Option(names = "--ratings", paramLabel = "FILE",
            description = "An interaction file (MovieLens, Amazon, Steam, user-item pairs; plain, gz or zip) instead of "
                    + "the plan's synthetic dataset. Large files take long: the progress lines show the time left.")
    Path ratings;

    @Option(names = "--plan", paramLabel = "PLAN", description = "The plan to run (default: plans/demo.yaml in the home).")
    Path plan;

    @Option(names = "--max-minutes", defaultValue = "0",
            description = "Cancel the experiment after this many minutes (default: ${DEFAULT-VALUE} = no limit).")
    int maxMinutes;

    @Override
    public Integer call() throws Exception {
        System.out.println(EXPLANATION);
        Path planFile = plan != null ? plan : stackOptions.home.resolve("plans/demo.yaml");
        if (ratings != null && !Files.isReadable(ratings)) {
            System.err.println("cannot read " + ratings);
            return 2;
        }
        ObjectNode parsed = PlanFile.read(planFile);
        if (ratings != null) {
            ObjectNode data = ((ObjectNode) parsed.path("steps")).putObject("data");
            data.put("kind", "dataset").put("file", ratings.toAbsolutePath().toString());
            parsed.put("name", parsed.path("name").asText("demo") + "-" + ratings.getFileName());
        }
        return PlanRun.execute(parsed, planFile.toAbsolutePath().getParent(), stackOptions,
                Duration.ofMinutes(maxMinutes), true);
    }
}
