package dev.rankforge.data.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rankforge.contracts.DatasetReady;
import dev.rankforge.contracts.SchemaVersion;
import dev.rankforge.data.Dataset;
import dev.rankforge.data.rest.DatasetView;
import jakarta.enterprise.context.ApplicationScoped;

/** Maps dataset entities to API views and events; entities never leave the service. */
@ApplicationScoped
public class DatasetMapper {
    private final ObjectMapper json;

    public DatasetMapper(ObjectMapper json) {
        this.json = json;
    }

    public DatasetView toView(Dataset d) {
        try {
            double density = d.users == 0 || d.items == 0 ? 0 : (double) d.interactions / ((double) d.users * d.items);
            return new DatasetView(d.id, d.name, d.source.name(), json.readTree(d.spec), d.users, d.items,
                    d.interactions, density, json.readTree(d.statistics), d.artifactUri, d.sha256, d.idMapsUri,
                    d.baseDatasetId, d.createdAt, d.team);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored spec of dataset " + d.id + " is not JSON", e);
        }
    }

    public DatasetReady toEvent(Dataset d) {
        return new DatasetReady(SchemaVersion.CURRENT, d.id, d.name, d.artifactUri, d.sha256, d.users, d.items,
                d.interactions, d.createdAt, d.team);
    }
}
