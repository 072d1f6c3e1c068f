package dev.rankforge.attack.mapping;

import dev.rankforge.attack.AttackJob;
import dev.rankforge.attack.rest.AttackJobView;
import dev.rankforge.contracts.AttackEvent;
import dev.rankforge.contracts.JobStatus;
import dev.rankforge.contracts.SchemaVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps attack jobs to API views and events; entities never leave the service, secrets never leave at all. */
@ApplicationScoped
public class AttackMapper {

    public AttackJobView toView(AttackJob j) {
        return new AttackJobView(j.id, j.status, j.method, j.chooser, j.knowledge, j.victim,
                j.surrogateModelId, j.datasetId, j.targets, j.params, j.results, mean(j.results, true),
                mean(j.results, false), j.queries, j.stage, j.poisoning, j.error, j.createdAt, j.startedAt,
                j.finishedAt, j.team, j.runningOn());
    }

    public AttackEvent toEvent(AttackJob j) {
        return new AttackEvent(SchemaVersion.CURRENT, j.id, j.status, j.method, j.chooser, j.knowledge,
                j.targets.size(), List.copyOf(j.results), mean(j.results, true), mean(j.results, false), j.queries,
                j.stage, j.poisoning, j.status == JobStatus.FAILED ? j.error : null, Instant.now());
    }

    /** Protocol → metric → mean over the measured targets. */
    public static Map<String, Map<String, Double>> mean(List<AttackEvent.TargetResult> results, boolean before) {
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        for (AttackEvent.TargetResult r : results) {
            (before ? r.before() : r.after()).forEach((protocol, metrics) -> metrics.forEach((metric, value) ->
                    out.computeIfAbsent(protocol, p -> new LinkedHashMap<>())
                            .merge(metric, value / results.size(), Double::sum)));
        }
        return out;
    }
}
