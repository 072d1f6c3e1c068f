package dev.rankforge.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rankforge run PLAN}: one experiment plan, on the stack that is up or on one started for the run. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run an experiment plan (YAML or JSON; see plans/) and write experiment.json, results.json, "
                + "results.csv and report.html into the run folder.",
                "Uses the stack `rankforge up` keeps running; without one, starts a stack for the run and stops it after.",
                "Limits that can stop a run: --max-minutes (default: none); each service must be ready within 3 minutes."})
public final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PLAN", description = "The plan file, e.g. plans/loss-sweep.yaml.")
    Path plan;

    @Option(names = "--max-minutes", defaultValue = "0",
            description = "Cancel the experiment after this many minutes (default: ${DEFAULT-VALUE} = no limit).")
    int maxMinutes;

    @Mixin
    StackOptions stackOptions;

    @Override
    public Integer call() throws Exception {
        if (!Files.isReadable(plan)) {
            System.err.println("cannot read plan " + plan);
            return 2;
        }
        ObjectNode parsed = PlanFile.read(plan);
        Path dir = plan.toAbsolutePath().getParent();
        return PlanRun.execute(parsed, dir, stackOptions, Duration.ofMinutes(maxMinutes), false);
    }
}
