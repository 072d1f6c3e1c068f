package dev.rankforge.trainer;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A model shared by its owning team with another team: that team sees the model and uses it as any of its own
 * (teacher, starting point, extraction target, attack victim or surrogate, evaluated model), but does not share it
 * on or withdraw it; the owner withdraws a share by deleting it.
 */
@Entity
@Table(name = "model_share")
public class ModelShare extends PanacheEntityBase {
    /** A share's key: the model and the team it is shared with. */
    @Embeddable
    public record Key(@Column(name = "model_id") UUID modelId, String team) implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Column(name = "shared_at")
    public Instant sharedAt;

    /** Whether {@code modelId} is shared with {@code team}. */
    public static boolean isShared(UUID modelId, String team) {
        return findById(new Key(modelId, team)) != null;
    }

    /** The teams each of {@code modelIds} is shared with, sorted; models shared with none are absent. */
    public static Map<UUID, List<String>> teamsOf(Collection<UUID> modelIds) {
        if (modelIds.isEmpty()) {
            return Map.of();
        }
        List<ModelShare> shares = list("key.modelId in ?1 order by key.team", modelIds);
        return shares.stream().collect(Collectors.groupingBy(s -> s.key.modelId(),
                Collectors.mapping(s -> s.key.team(), Collectors.toList())));
    }
}
