package dev.rankforge.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code bench/run}: each subcommand writes {@code bench/results/<name>.json}. */
@Command(name = "bench/run", mixinStandardHelpOptions = true,
        subcommands = {Ml1mBenchmark.class, EvalThroughputBenchmark.class, TrainThroughputBenchmark.class,
            ExtractionMl1mBenchmark.class, AttackMl1mBenchmark.class, BlackBoxLatencyBenchmark.class, IngestBenchmark.class,
            ChaosBenchmark.class, TwoTowerMl1mBenchmark.class, AllocatorBenchmark.class})
public final class BenchCli implements Runnable {
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCli()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
