package dev.rankforge.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rankforge} command line. */
@Command(name = "rankforge", mixinStandardHelpOptions = true, version = "rankforge 0.1.0",
        description = "Train, extract, attack and evaluate sequential recommenders.",
        subcommands = {DemoCommand.class, UpCommand.class, DownCommand.class, RunCommand.class,
                StatusCommand.class, ReportCommand.class, CancelCommand.class, KeysCommand.class})
public final class RankforgeCli implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new RankforgeCli()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
