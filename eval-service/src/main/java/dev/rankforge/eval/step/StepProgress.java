package dev.rankforge.eval.step;

/**
 * How far a running step is. {@code done}/{@code total} count its unit of work (epochs, targets); the CLI's bar
 * and the time-left estimate come from them and the step's start time.
 *
 * @param unit             what {@code done} counts: {@code epochs}, {@code targets}
 * @param partial          share of the next unit done so far (within a long epoch), or {@code null}
 * @param loss             training loss of the last epoch
 * @param validationMetric what {@code validationScore} measures (e.g. {@code ndcg@10}, {@code agreement@10})
 * @param rate             throughput of the last epoch (sequences or examples per second)
 * @param queriesSpent     black-box queries answered so far
 * @param stage            a phase name where the job has several (poisoning: PROFILES, RETRAINING, MEASURING)
 * @param at               when eval-service recorded it
 * @param unitsPerSecond   how fast {@code done} moved since the previous report (smoothed), once measured
 */
public record StepProgress(Integer done, Integer total, String unit, Double partial, Double loss, String validationMetric,
                           Double validationScore, Double rate, Long queriesSpent, String stage, java.time.Instant at,
                           Double unitsPerSecond) {

    /** A report as the handler makes it: its time and speed are filled in when it is recorded. */
    public StepProgress(Integer done, Integer total, String unit, Double partial, Double loss, String validationMetric,
                        Double validationScore, Double rate, Long queriesSpent, String stage) {
        this(done, total, unit, partial, loss, validationMetric, validationScore, rate, queriesSpent, stage, null, null);
    }

    /**
     * This report timed at {@code now}, with the speed measured since {@code previous} (exponentially smoothed), so the
     * time left reflects the work itself and not time spent queued or querying before the first unit.
     */
    public StepProgress measuredSince(StepProgress previous, java.time.Instant now) {
        Double speed = previous == null ? null : previous.unitsPerSecond();
        if (previous != null && previous.at() != null && doneWithPartial() > previous.doneWithPartial()) {
            double seconds = Math.max(1e-3, java.time.Duration.between(previous.at(), now).toMillis() / 1000.0);
            double measured = (doneWithPartial() - previous.doneWithPartial()) / seconds;
            speed = speed == null ? measured : 0.5 * speed + 0.5 * measured;
        }
        return new StepProgress(done, total, unit, partial, loss, validationMetric, validationScore, rate, queriesSpent,
                stage, now, speed);
    }

    /** Seconds until {@code total}, or {@code null} before the speed is known. */
    public Long secondsLeft() {
        if (total == null || unitsPerSecond == null || unitsPerSecond <= 0) {
            return null;
        }
        return Math.round(Math.max(0, total - doneWithPartial()) / unitsPerSecond);
    }
    /** Units done, counting the share of the running one. */
    public double doneWithPartial() {
        return (done == null ? 0 : done) + (partial == null ? 0 : partial);
    }
}
