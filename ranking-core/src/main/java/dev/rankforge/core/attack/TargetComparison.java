package dev.rankforge.core.attack;

import dev.rankforge.core.model.BlackBox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The targets' exposure in two models on the same real users' histories: how data poisoning is measured, a clean
 * retrain (before) against a poisoned retrain of the same spec (after), so the effect is the poisoning and not the
 * retraining. Both are queried as black boxes; every call is counted.
 */
public final class TargetComparison {
    private TargetComparison() {
    }

    /**
     * @param maxUsers        users per target (the first who have not seen it); 0 = all
     * @param sampledProtocol also under 100 uniform negatives (both models must rank candidates)
     * @param progress        receives each target's outcome as soon as it is measured
     */
    public static List<ProfilePollution.TargetOutcome> run(BlackBox before, BlackBox after, int numItems,
                                                           List<int[]> histories, List<Integer> targets, int maxUsers,
                                                           boolean sampledProtocol, long seed,
                                                           Consumer<ProfilePollution.TargetOutcome> progress) {
        CountingBlackBox first = new CountingBlackBox(before);
        CountingBlackBox second = new CountingBlackBox(after);
        List<ProfilePollution.TargetOutcome> outcomes = new ArrayList<>();
        for (int target : targets) {
            long started = System.nanoTime();
            long spent = first.queries() + second.queries();
            List<int[]> users = ProfilePollution.usersWithout(histories, target, maxUsers);
            List<int[]> candidates = sampledProtocol
                    ? TargetExposure.sampledCandidates(users, target, numItems, seed) : null;
            Map<String, Map<String, Double>> clean = TargetExposure.measure(first, users, users, target, candidates);
            Map<String, Map<String, Double>> poisoned = TargetExposure.measure(second, users, users, target, candidates);
            ProfilePollution.TargetOutcome outcome = new ProfilePollution.TargetOutcome(target, users.size(), clean,
                    poisoned, List.of(), first.queries() + second.queries() - spent, (System.nanoTime() - started) / 1e9);
            outcomes.add(outcome);
            progress.accept(outcome);
        }
        return outcomes;
    }
}
