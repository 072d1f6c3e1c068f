package dev.rankforge.service.artifact;

/**
 * An immutable artifact in the store.
 *
 * @param uri    where to read it back (a {@code file:} URI for the local store)
 * @param sha256 hex content hash; the artifact's identity
 * @param size   bytes
 */
public record StoredArtifact(String uri, String sha256, long size) {
}
