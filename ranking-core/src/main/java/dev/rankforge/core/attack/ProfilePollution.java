package dev.rankforge.core.attack;

import dev.rankforge.core.model.BlackBox;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Profile pollution at inference time: for each target, items chosen by an {@link ItemChooser} are appended to
 * real users' histories (users who have not interacted with the target), and the target's exposure
 * ({@link TargetExposure}) in the victim's answers is measured before and after. Only the victim's answers are
 * used; every black-box call is counted.
 */
public final class ProfilePollution {
    private ProfilePollution() {
    }

    /**
     * @param slots           items appended to each history (paper: 10 on ML-1M, 2 on short-sequence data)
     * @param maxUsers        users attacked per target (the first whose history lacks the target); 0 = all
     * @param sampledProtocol also measure under 100 uniform negatives (needs a victim that ranks candidates)
     * @param seed            seed of the sampled negatives and of random choices
     */
    public record Spec(int slots, int maxUsers, boolean sampledProtocol, long seed) {
        public Spec {
            if (slots < 1) {
                throw new IllegalArgumentException("slots must be at least 1");
            }
            if (maxUsers < 0) {
                throw new IllegalArgumentException("maxUsers must not be negative");
            }
        }
    }

    /** One target's outcome: exposure before and after (protocol → metric → mean), and a sample of what was injected. */
    public record TargetOutcome(int target, int users, Map<String, Map<String, Double>> before,
                                Map<String, Map<String, Double>> after, List<Integer> exampleInjected, long queries,
                                double seconds) {
    }

    /**
     * Attacks every target in turn.
     *
     * @param histories the real users' histories (e.g. each user's test history)
     * @param progress  receives each target's outcome as soon as it is measured
     * @param cancelled checked between targets
     */
    public static List<TargetOutcome> run(BlackBox victim, ItemChooser chooser, ChooserContext context,
                                          List<int[]> histories, List<Integer> targets, Spec spec,
                                          Consumer<TargetOutcome> progress, BooleanSupplier cancelled) {
        for (int target : targets) {
            if (target < 1 || target > context.numItems()) {
                throw new IllegalArgumentException("target " + target + " is not an item (1.." + context.numItems() + ")");
            }
        }
        CountingBlackBox counted = new CountingBlackBox(victim);
        List<TargetOutcome> outcomes = new ArrayList<>();
        for (int target : targets) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            long started = System.nanoTime();
            long queriesBefore = counted.queries();
            List<int[]> clean = usersWithout(histories, target, spec.maxUsers());
            List<int[]> candidates = spec.sampledProtocol()
                    ? TargetExposure.sampledCandidates(clean, target, context.numItems(), spec.seed()) : null;
            Map<String, Map<String, Double>> before = TargetExposure.measure(counted, clean, clean, target, candidates);
            int[][] injected = chooser.choose(context, clean.toArray(new int[0][]), target, spec.slots());
            List<int[]> polluted = new ArrayList<>(clean.size());
            for (int i = 0; i < clean.size(); i++) {
                int[] history = clean.get(i);
                int[] out = Arrays.copyOf(history, history.length + injected[i].length);
                System.arraycopy(injected[i], 0, out, history.length, injected[i].length);
                polluted.add(out);
            }
            Map<String, Map<String, Double>> after = TargetExposure.measure(counted, polluted, clean, target, candidates);
            TargetOutcome outcome = new TargetOutcome(target, clean.size(), before, after,
                    Arrays.stream(injected[0]).boxed().toList(), counted.queries() - queriesBefore,
                    (System.nanoTime() - started) / 1e9);
            outcomes.add(outcome);
            progress.accept(outcome);
        }
        return outcomes;
    }

    /** The first {@code maxUsers} histories (0 = all) without {@code target}; refuses a target every user has seen. */
    static List<int[]> usersWithout(List<int[]> histories, int target, int maxUsers) {
        List<int[]> clean = new ArrayList<>();
        for (int[] history : histories) {
            if (maxUsers > 0 && clean.size() >= maxUsers) {
                break;
            }
            if (Arrays.stream(history).noneMatch(item -> item == target)) {
                clean.add(history);
            }
        }
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("every user has already seen target item " + target);
        }
        return clean;
    }
}
