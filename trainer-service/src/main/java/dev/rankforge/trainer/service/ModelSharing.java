package dev.rankforge.trainer.service;

import dev.rankforge.service.team.TeamScope;
import dev.rankforge.service.team.Teams;
import dev.rankforge.service.problem.InvalidRequestException;
import dev.rankforge.trainer.ModelShare;
import dev.rankforge.trainer.RegisteredModel;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Who sees which registered model: a team sees its own and those other teams shared with it, the fleet sees all;
 * only the owning team shares a model or withdraws its shares.
 */
@ApplicationScoped
public class ModelSharing {
    private static final Logger LOG = Logger.getLogger(ModelSharing.class);

    private final TeamScope teams;

    public ModelSharing(TeamScope teams) {
        this.teams = teams;
    }

    /** The models the caller sees, newest first. */
    public List<RegisteredModel> visibleModels() {
        return RegisteredModel.listFor(teams.team(), teams.seesAll());
    }

    /** The model if this caller may see it: its team's, shared with its team, or any for the fleet; else 404. */
    public RegisteredModel visible(UUID id) {
        RegisteredModel model = RegisteredModel.findById(id);
        if (model == null || !(teams.seesAll() || model.usableBy(teams.team()))) {
            throw new NotFoundException("model " + id + " does not exist");
        }
        return model;
    }

    /** Shares the caller's model with another team; idempotent, and a no-op for the owning team itself. */
    @Transactional
    public RegisteredModel share(UUID id, String team) {
        RegisteredModel model = owned(id);
        if (!team.matches(Teams.NAME_PATTERN)) {
            throw new InvalidRequestException("team", "must match " + Teams.NAME_PATTERN);
        }
        if (!team.equals(model.team)) {
            // Concurrent shares of the same pair: one row, no constraint violation.
            int added = ModelShare.getEntityManager().createNativeQuery("INSERT INTO model_share (model_id, team, "
                    + "shared_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING").setParameter(1, id).setParameter(2, team)
                    .setParameter(3, Timestamp.from(Instant.now())).executeUpdate();
            if (added > 0) {
                LOG.infof("model %s of team %s shared with team %s", id, model.team, team);
            }
        }
        return model;
    }

    /** Withdraws a share: the team no longer sees or uses the model; idempotent. */
    @Transactional
    public RegisteredModel unshare(UUID id, String team) {
        RegisteredModel model = owned(id);
        if (ModelShare.deleteById(new ModelShare.Key(id, team))) {
            LOG.infof("model %s of team %s no longer shared with team %s", id, model.team, team);
        }
        return model;
    }

    /** The model if this caller's team owns it (or the caller is the fleet's); a team it is only shared with gets 403. */
    private RegisteredModel owned(UUID id) {
        RegisteredModel model = visible(id);
        if (!teams.sees(model.team)) {
            throw new ForbiddenException("model " + id + " belongs to team " + model.team
                    + ", which alone shares it or withdraws its shares");
        }
        return model;
    }
}
