package dev.rankforge.attack.mapping;

import dev.rankforge.attack.AttackJob;
import dev.rankforge.attack.rest.AttackJobView;
import dev.rankforge.contracts.AttackEvent;
import dev.rankforge.contracts.JobStatus;
import dev.rankforge.contracts.SchemaVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Maps attack jobs to API views and events; entities never leave the service. */
@ApplicationScoped
public class AttackMapper {

    public AttackJobView toView(AttackJob j) {
        return new AttackJobView(j.id, j.status, j.victimModelId, j.datasetId, j.targetItem, j.injectedList(),
                j.maxUsers, j.k, j.usersAttacked, j.hitRateBefore, j.hitRateAfter, j.ndcgBefore, j.ndcgAfter,
                j.queries, j.error, j.createdAt, j.startedAt, j.finishedAt);
    }

    public AttackEvent toEvent(AttackJob j) {
        return new AttackEvent(SchemaVersion.CURRENT, j.id, j.status, j.targetItem, j.injectedList(),
                j.usersAttacked, j.k, j.hitRateBefore, j.hitRateAfter, j.ndcgBefore, j.ndcgAfter, j.queries,
                j.status == JobStatus.FAILED ? j.error : null, Instant.now());
    }
}
