package dev.rankforge.trainer.service;

import dev.rankforge.contracts.TrainingKind;
import dev.rankforge.contracts.TrainingRequest;
import dev.rankforge.service.blackbox.BlackBoxEndpoints;
import dev.rankforge.service.problem.InvalidRequestException;
import dev.rankforge.trainer.KnownDataset;
import dev.rankforge.trainer.RegisteredModel;

/**
 * What a training request names outside itself — its teacher, its starting model, the fleet models it extracts and
 * its dataset — checked against what the submitting team may use. Runs inside the accepting transaction.
 */
final class TrainingReferences {
    private TrainingReferences() {
    }

    /** Refuses (HTTP 400, naming the field) a teacher, starting point or extraction target the team cannot use. */
    static void checkModels(TrainingRequest request, TrainingKind kind, ResolvedParams params, String team,
                            String selfUrl) {
        if (kind == TrainingKind.DISTILL) {
            if (request.teacherModelId() == null) {
                throw new InvalidRequestException("teacherModelId", "is required for DISTILL jobs");
            }
            usable(request.teacherModelId(), team, "teacherModelId");
        }
        if (request.initialModelId() != null) {
            if (kind != TrainingKind.TRAIN) {
                throw new InvalidRequestException("initialModelId", "only TRAIN jobs fine-tune a model");
            }
            RegisteredModel initial = usable(request.initialModelId(), team, "initialModelId");
            if (!initial.architecture.equals(request.architecture())) {
                throw new InvalidRequestException("initialModelId", "is a " + initial.architecture
                        + " model; this job trains " + request.architecture());
            }
        }
        if (kind == TrainingKind.EXTRACT) {
            // Our own black-box API, named by modelId or by URL: only the team's own models.
            BlackBoxEndpoints.fleetModels(params.extraction().target(), selfUrl, "extraction.target")
                    .forEach((field, id) -> usable(id, team, field));
        }
    }

    /**
     * The request's artifact, or the announced version's. A version announced as another team's is refused as
     * unknown; one not announced yet (its event still on the way) is taken at the request's word.
     */
    static String datasetUri(TrainingRequest request, String team) {
        KnownDataset dataset = KnownDataset.findById(request.datasetId());
        if (dataset != null && !dataset.team.equals(team)) {
            dataset = null;
        } else if (request.datasetUri() != null) {
            return request.datasetUri();
        }
        if (dataset == null) {
            throw new InvalidRequestException("datasetId",
                    "unknown dataset (not announced on dataset-events); give datasetUri or create it first");
        }
        return dataset.artifactUri;
    }

    private static RegisteredModel usable(java.util.UUID id, String team, String field) {
        RegisteredModel model = RegisteredModel.ofTeam(id, team);
        if (model == null) {
            throw new InvalidRequestException(field, "no such registered model");
        }
        return model;
    }
}
