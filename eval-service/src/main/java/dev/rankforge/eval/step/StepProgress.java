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
 */
public record StepProgress(Integer done, Integer total, String unit, Double partial, Double loss, String validationMetric,
                           Double validationScore, Double rate, Long queriesSpent, String stage) {
    /** Units done, counting the share of the running one. */
    public double doneWithPartial() {
        return (done == null ? 0 : done) + (partial == null ? 0 : partial);
    }
}
