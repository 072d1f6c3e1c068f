package dev.rankforge.data.mapping;

import dev.rankforge.contracts.DatasetReady;
import dev.rankforge.contracts.SchemaVersion;
import dev.rankforge.data.Dataset;
import dev.rankforge.data.rest.DatasetView;
import jakarta.enterprise.context.ApplicationScoped;

/** Maps dataset entities to API views and events; entities never leave the service. */
@ApplicationScoped
public class DatasetMapper {
    public DatasetView toView(Dataset d) {
        double density = d.users == 0 || d.items == 0 ? 0 : (double) d.interactions / ((double) d.users * d.items);
        return new DatasetView(d.id, d.name, d.source.name(), d.spec, d.users, d.items, d.interactions, density,
                d.statistics, d.artifactUri, d.sha256, d.idMapsUri, d.baseDatasetId, d.createdAt, d.team);
    }

    public DatasetReady toEvent(Dataset d) {
        return new DatasetReady(SchemaVersion.CURRENT, d.id, d.name, d.artifactUri, d.sha256, d.users, d.items,
                d.interactions, d.createdAt, d.team);
    }
}
