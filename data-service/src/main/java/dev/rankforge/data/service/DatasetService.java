package dev.rankforge.data.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rankforge.core.artifact.LocalArtifactStore;
import dev.rankforge.core.artifact.StoredArtifact;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SequenceFile;
import dev.rankforge.core.data.SyntheticGenerator;
import dev.rankforge.core.data.SyntheticSpec;
import dev.rankforge.data.Dataset;
import dev.rankforge.data.DatasetSource;
import dev.rankforge.data.config.DataServiceConfig;
import dev.rankforge.data.ingest.MovieLensRatingsReader;
import dev.rankforge.data.mapping.DatasetMapper;
import dev.rankforge.data.messaging.DatasetEventPublisher;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Builds dataset versions: generates or parses interactions, writes the leave-one-out sequence artifact,
 * records the version and announces it. Identical content yields the existing version.
 */
@ApplicationScoped
public class DatasetService {
    private static final Logger LOG = Logger.getLogger(DatasetService.class);

    private final LocalArtifactStore artifacts;
    private final DatasetEventPublisher events;
    private final DatasetMapper mapper;
    private final DataServiceConfig config;
    private final ObjectMapper json;

    public DatasetService(LocalArtifactStore artifacts, DatasetEventPublisher events, DatasetMapper mapper,
                          DataServiceConfig config, ObjectMapper json) {
        this.artifacts = artifacts;
        this.events = events;
        this.mapper = mapper;
        this.config = config;
        this.json = json;
    }

    /** The outcome of a create call: the version and whether it was new. */
    public record Created(Dataset dataset, boolean isNew) {
    }

    public Created createSynthetic(String name, SyntheticSpec spec) throws IOException {
        SequenceDataset data = SyntheticGenerator.generate(spec);
        return store(name, DatasetSource.SYNTHETIC, spec, data);
    }

    public Created createFromMovieLens(String name, InputStream ratings) throws IOException {
        SequenceDataset data = MovieLensRatingsReader.read(ratings)
                .toDataset(config.minItemInteractions(), config.minUserInteractions());
        Map<String, Object> preprocessing = Map.of(
                "format", "movielens-dat",
                "implicit", "every rating",
                "minItemInteractions", config.minItemInteractions(),
                "minUserInteractions", config.minUserInteractions(),
                "split", "leave-one-out");
        return store(name, DatasetSource.MOVIELENS_1M, preprocessing, data);
    }

    private Created store(String name, DatasetSource source, Object spec, SequenceDataset data) throws IOException {
        StoredArtifact artifact = artifacts.put("datasets", ".rfsq", out -> SequenceFile.write(data, out));
        Created created = QuarkusTransaction.requiringNew().call(() -> {
            var existing = Dataset.findBySha256(artifact.sha256());
            if (existing.isPresent()) {
                return new Created(existing.get(), false);
            }
            Dataset d = new Dataset();
            d.id = UUID.randomUUID();
            d.name = name;
            d.source = source;
            d.spec = toJson(spec);
            d.users = data.numUsers();
            d.items = data.numItems();
            d.interactions = data.numInteractions();
            d.artifactUri = artifact.uri();
            d.sha256 = artifact.sha256();
            d.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            d.persist();
            return new Created(d, true);
        });
        if (created.isNew()) {
            LOG.infof("dataset %s '%s' stored: %d users, %d items, %d interactions, sha256 %s",
                    created.dataset().id, name, data.numUsers(), data.numItems(), data.numInteractions(),
                    artifact.sha256());
            events.publish(mapper.toEvent(created.dataset()));
        }
        return created;
    }

    private String toJson(Object spec) {
        try {
            return json.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
