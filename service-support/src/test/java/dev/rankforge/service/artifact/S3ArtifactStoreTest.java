package dev.rankforge.service.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rankforge.infra.LocalS3;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 artifact store against a real S3-protocol server (S3Proxy, in this JVM, signing with SigV4): content
 * addressing, multipart uploads of artifacts larger than a part, reads checked against the sha256, nothing left
 * behind by a failed write, and URIs of another store refused.
 */
class S3ArtifactStoreTest {
    private static final String BUCKET = "artifacts-test";
    private static LocalS3 server;
    private static S3Client s3;
    private static S3ArtifactStore store;

    @BeforeAll
    static void start() throws Exception {
        server = LocalS3.start(null);
        s3 = ArtifactStoreProducer.client(Optional.of(server.endpoint()), "us-east-1", true,
                Optional.of(LocalS3.ACCESS_KEY), Optional.of(LocalS3.SECRET_KEY));
        store = new S3ArtifactStore(s3, BUCKET, S3ArtifactStore.MIN_PART_SIZE, true);
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
        server.close();
    }

    @Test
    void anArtifactLargerThanAPartIsUploadedInPartsAndReadBackByItsContentAddress() throws Exception {
        byte[] bytes = new byte[2 * S3ArtifactStore.MIN_PART_SIZE + 12_345]; // three parts, the last a short one
        new Random(1).nextBytes(bytes);
        StoredArtifact stored = store.put("models", ".rfmd", out -> {
            for (int i = 0; i < bytes.length; i += 1000) { // written in small pieces, as a model's save does
                out.write(bytes, i, Math.min(1000, bytes.length - i));
            }
        });
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertThat(stored.sha256()).isEqualTo(sha);
        assertThat(stored.size()).isEqualTo(bytes.length);
        assertThat(stored.uri()).isEqualTo("s3://" + BUCKET + "/models/" + sha + ".rfmd");
        try (InputStream in = store.open(stored.uri())) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(store.put("models", ".rfmd", out -> out.write(bytes))).isEqualTo(stored); // same bytes, same artifact
        assertThat(keys("incoming/")).isZero(); // temporary objects removed
    }

    @Test
    void aSmallArtifactExistsUntilDeleted() throws Exception {
        StoredArtifact stored = store.put("datasets", ".rfsq", out -> out.write("tiny".getBytes()));
        assertThat(store.exists(stored.uri())).isTrue();
        store.delete(stored.uri());
        assertThat(store.exists(stored.uri())).isFalse();
        assertThatThrownBy(() -> store.open(stored.uri())).isInstanceOf(NoSuchFileException.class);
        store.delete(stored.uri()); // absent: harmless
    }

    @Test
    void aCorruptedObjectFailsItsReaderAtTheEnd() throws Exception {
        StoredArtifact stored = store.put("query-sets", ".rfqs", out -> out.write("the real bytes".getBytes()));
        String key = stored.uri().substring(("s3://" + BUCKET + "/").length());
        s3.putObject(p -> p.bucket(BUCKET).key(key), RequestBody.fromString("tampered bytes"));
        assertThatThrownBy(() -> {
            try (InputStream in = store.open(stored.uri())) {
                in.readAllBytes();
            }
        }).isInstanceOf(IOException.class).hasMessageContaining("corrupt");
    }

    @Test
    void aFailedWriteLeavesNothingBehind() {
        long before = keys("");
        assertThatThrownBy(() -> store.put("models", ".rfmd", out -> {
            out.write(new byte[S3ArtifactStore.MIN_PART_SIZE + 1]); // one part uploaded already
            throw new IOException("the writer failed");
        })).hasMessage("the writer failed");
        assertThat(keys("")).isEqualTo(before);
        assertThat(s3.listMultipartUploads(l -> l.bucket(BUCKET)).uploads()).isEmpty();
    }

    @Test
    void urisOfAnotherStoreAreRefused() {
        assertThatThrownBy(() -> store.open("file:/tmp/x.rfsq")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.exists("s3://other-bucket/datasets/" + "0".repeat(64) + ".rfsq"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.open("s3://" + BUCKET + "/../secrets")).isInstanceOf(IllegalArgumentException.class);
    }

    private static long keys(String prefix) {
        return s3.listObjectsV2(l -> l.bucket(BUCKET).prefix(prefix)).keyCount();
    }
}
