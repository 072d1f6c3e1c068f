package dev.rankforge.data.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rankforge.service.artifact.ArtifactStore;
import dev.rankforge.service.artifact.StoredArtifact;
import dev.rankforge.core.data.SequenceDataset;
import dev.rankforge.core.data.SequenceFile;
import dev.rankforge.core.data.SyntheticGenerator;
import dev.rankforge.core.data.SyntheticSpec;
import dev.rankforge.data.Dataset;
import dev.rankforge.data.DatasetSource;
import dev.rankforge.data.ingest.DatasetStatistics;
import dev.rankforge.data.ingest.InteractionReader;
import dev.rankforge.data.ingest.InteractionTable;
import dev.rankforge.data.ingest.PreprocessingSpec;
import dev.rankforge.data.DatasetReference;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.LinkedHashMap;
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
 * Builds dataset versions: generates or reads interactions, writes the leave-one-out sequence artifact (and
 * the id maps of uploaded files), records the version with its statistics and announces it. Identical content
 * yields the team's existing version, also when two identical uploads race. Artifacts are content-addressed and written
 * atomically, so a failed upload leaves neither a row nor a half-written file.
 */
@ApplicationScoped
public class DatasetService {
    private static final Logger LOG = Logger.getLogger(DatasetService.class);

    private final ArtifactStore artifacts;
    private final DatasetEventPublisher events;
    private final DatasetMapper mapper;
    private final ObjectMapper json;

    public DatasetService(ArtifactStore artifacts, DatasetEventPublisher events, DatasetMapper mapper,
                          ObjectMapper json) {
        this.artifacts = artifacts;
        this.events = events;
        this.mapper = mapper;
        this.json = json;
    }

    /** The outcome of a create call: the version and whether it was new. */
    public record Created(Dataset dataset, boolean isNew) {
    }

    public Created createSynthetic(String team, String name, SyntheticSpec spec) throws IOException {
        SequenceDataset data = SyntheticGenerator.generate(spec);
        return store(team, name, DatasetSource.SYNTHETIC, spec, DatasetStatistics.of(data), null, data, null);
    }

    /** Reads, preprocesses and stores an interaction file (streamed, plain or compressed). */
    public Created createFromFile(String team, String name, InputStream file, InteractionReader.Options reading,
                                  PreprocessingSpec preprocessing) throws IOException {
        long started = System.nanoTime();
        InteractionReader.Result read = InteractionReader.read(file, reading);
        InteractionTable.Built built = read.table().build(preprocessing);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("format", read.format());
        if (reading.mapping() != null) {
            spec.put("columns", reading.mapping());
        }
        spec.put("onMalformed", reading.onMalformed());
        spec.put("preprocessing", preprocessing);
        spec.put("order", PreprocessingSpec.ORDER);
        spec.put("split", PreprocessingSpec.SPLIT);
        Map<String, Object> statistics = new LinkedHashMap<>(DatasetStatistics.of(built.dataset()));
        statistics.put("linesRead", read.lines());
        statistics.put("interactionsRead", read.table().rows());
        statistics.put("skippedLines", read.skippedLines());
        statistics.put("skippedExamples", read.skippedExamples());
        statistics.put("belowRatingThreshold", read.belowThreshold());
        StoredArtifact idMaps = artifacts.put("id-maps", ".tsv", built::writeIdMaps);
        LOG.infof("read %d lines (%s, %d skipped) into %d users in %.1f s", read.lines(), read.format(),
                read.skippedLines(), built.dataset().numUsers(), (System.nanoTime() - started) / 1e9);
        return store(team, name, DatasetSource.UPLOAD, spec, statistics, idMaps.uri(), built.dataset(), null);
    }

    /**
     * A new version: the base version's users followed by {@code profiles} as new users (data poisoning). The
     * profiles use the base's dense item ids; the lineage names the base, and the version is the base's team's.
     */
    public Created derive(Dataset base, String name, int[][] profiles) throws IOException {
        SequenceDataset data;
        try (InputStream in = artifacts.open(base.artifactUri)) {
            data = SequenceFile.read(in);
        }
        int[][] sequences = new int[data.numUsers() + profiles.length][];
        for (int u = 0; u < data.numUsers(); u++) {
            sequences[u] = data.sequence(u);
        }
        System.arraycopy(profiles, 0, sequences, data.numUsers(), profiles.length);
        SequenceDataset derived = new SequenceDataset(data.numItems(), sequences);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("baseDatasetId", base.id);
        spec.put("baseSha256", base.sha256);
        spec.put("appendedProfiles", profiles.length);
        return store(base.team, name, DatasetSource.DERIVED, spec, DatasetStatistics.of(derived), base.idMapsUri, derived,
                base.id);
    }

    /**
     * Deletes a version and its artifacts, refusing with 409 while anything references it: a training job or model
     * (learnt from training-events) or a derived version. Files another version still uses (id maps shared with a
     * derived version, or the same content stored by another team) stay.
     */
    public void delete(Dataset dataset) throws IOException {
        Dataset gone = QuarkusTransaction.requiringNew().call(() -> {
            Dataset d = Dataset.findById(dataset.id);
            if (d == null) {
                return null;
            }
            List<String> users = new java.util.ArrayList<>();
            DatasetReference.of(d.id).forEach(r -> users.add(r.key.kind() + " " + r.key.referenceId()));
            Dataset.<Dataset>list("baseDatasetId", d.id).forEach(x -> users.add("derived version " + x.id));
            if (!users.isEmpty()) {
                throw new WebApplicationException("dataset " + d.id + " is in use: " + String.join(", ", users),
                        Response.Status.CONFLICT);
            }
            d.delete();
            return d;
        });
        if (gone == null) {
            return;
        }
        deleteUnlessUsed("artifactUri", gone.artifactUri);
        if (gone.idMapsUri != null) {
            deleteUnlessUsed("idMapsUri", gone.idMapsUri);
        }
        LOG.infof("dataset %s '%s' deleted", gone.id, gone.name);
    }

    /**
     * Deletes a content-addressed file no version uses any more, under the file's lock, so an upload of the same
     * content (by another team) cannot record a version of it in between.
     */
    private void deleteUnlessUsed(String field, String uri) {
        QuarkusTransaction.requiringNew().run(() -> {
            lockFile(uri);
            if (Dataset.count(field, uri) == 0) {
                try {
                    artifacts.delete(uri);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("deleting " + uri + " failed", e);
                }
            }
        });
    }

    /** A transaction-scoped PostgreSQL advisory lock on one stored file. */
    private static void lockFile(String uri) {
        Dataset.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, uri).getSingleResult();
    }

    /** True when the file is still there, checked under its lock (a deletion may have just removed it). */
    private boolean present(String uri) {
        lockFile(uri);
        try {
            return artifacts.exists(uri);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("looking up " + uri + " failed", e);
        }
    }

    private Created store(String team, String name, DatasetSource source, Object spec, Map<String, Object> statistics,
                          String idMapsUri, SequenceDataset data, UUID baseId) throws IOException {
        StoredArtifact artifact = artifacts.put("datasets", ".rfsq", out -> SequenceFile.write(data, out));
        Created created;
        try {
            created = insertUnlessPresent(team, name, source, spec, statistics, idMapsUri, data, artifact, baseId);
            if (created == null) { // the same content's file was deleted with another version meanwhile: again
                artifacts.put("datasets", ".rfsq", out -> SequenceFile.write(data, out));
                created = insertUnlessPresent(team, name, source, spec, statistics, idMapsUri, data, artifact, baseId);
            }
            if (created == null) {
                throw new WebApplicationException("dataset files are being deleted concurrently; try again",
                        Response.Status.CONFLICT);
            }
        } catch (PersistenceException | io.quarkus.narayana.jta.QuarkusTransactionException e) {
            // Two uploads of the same content at once: the other one committed first; its version is ours.
            var winner = QuarkusTransaction.requiringNew().call(() -> Dataset.findBySha256(team, artifact.sha256()));
            if (winner.isEmpty()) {
                throw e;
            }
            created = new Created(winner.get(), false);
        }
        return logStored(name, created, data, artifact);
    }

    /** The new or existing version; {@code null} when a file it needs was deleted meanwhile. */
    private Created insertUnlessPresent(String team, String name, DatasetSource source, Object spec, Map<String, Object> statistics,
                                        String idMapsUri, SequenceDataset data, StoredArtifact artifact,
                                        UUID baseId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var existing = Dataset.findBySha256(team, artifact.sha256());
            if (existing.isPresent()) {
                return new Created(existing.get(), false);
            }
            if (!present(artifact.uri()) || idMapsUri != null && !present(idMapsUri)) {
                return null;
            }
            Dataset d = new Dataset();
            d.id = UUID.randomUUID();
            d.name = name;
            d.team = team;
            d.source = source;
            d.spec = json.valueToTree(spec);
            d.users = data.numUsers();
            d.items = data.numItems();
            d.interactions = data.numInteractions();
            d.artifactUri = artifact.uri();
            d.sha256 = artifact.sha256();
            d.statistics = statistics;
            d.idMapsUri = idMapsUri;
            d.baseDatasetId = baseId;
            d.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            d.persist();
            events.publish(mapper.toEvent(d)); // the outbox: announced if and only if stored
            return new Created(d, true);
        });
    }

    private Created logStored(String name, Created created, SequenceDataset data, StoredArtifact artifact) {
        if (created.isNew()) {
            LOG.infof("dataset %s '%s' stored: %d users, %d items, %d interactions, sha256 %s",
                    created.dataset().id, name, data.numUsers(), data.numItems(), data.numInteractions(),
                    artifact.sha256());
        }
        return created;
    }
}
