package dev.rankforge.service.artifact;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Content-addressed artifact store in an S3-compatible bucket: {@code s3://<bucket>/<kind>/<sha256><suffix>}. A put
 * streams the bytes to a temporary object ({@code incoming/<uuid>}) as a multipart upload, one part in memory at a
 * time, while hashing them; the complete object is then copied to its content address server-side and the temporary
 * one removed, so a reader never sees a partial artifact. Reads check the bytes against the sha256 in the name.
 * Server-side copies are limited to 5 GB by S3, far above any artifact of this suite.
 */
public final class S3ArtifactStore implements ArtifactStore, AutoCloseable {
    /** S3's smallest part but the last. */
    public static final int MIN_PART_SIZE = 5 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final int partSize;

    /**
     * @param partSize bytes per uploaded part (at least {@link #MIN_PART_SIZE}), also the memory one put holds
     */
    public S3ArtifactStore(S3Client s3, String bucket, int partSize, boolean createBucket) {
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("part size must be at least " + MIN_PART_SIZE + " bytes");
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.partSize = partSize;
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            if (!createBucket) {
                throw new IllegalStateException("artifact bucket " + bucket + " does not exist", e);
            }
            try {
                s3.createBucket(b -> b.bucket(bucket));
            } catch (software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException raced) {
                // another service of the same stack created it first
            }
        }
    }

    @Override
    public StoredArtifact put(String kind, String suffix, Writer writer) throws IOException {
        ArtifactStore.checkName(kind, suffix);
        String incoming = "incoming/" + UUID.randomUUID();
        MultipartOutputStream upload = new MultipartOutputStream(incoming);
        long size;
        String sha;
        try {
            HashingOutputStream out = new HashingOutputStream(upload);
            writer.write(out);
            out.flush();
            size = out.count();
            sha = out.sha256Hex();
            upload.complete();
        } catch (IOException | RuntimeException e) {
            upload.abort();
            throw e;
        }
        String key = kind + "/" + sha + suffix;
        try {
            if (!objectExists(key)) {
                s3.copyObject(c -> c.sourceBucket(bucket).sourceKey(incoming).destinationBucket(bucket)
                        .destinationKey(key));
            }
        } catch (S3Exception e) {
            throw new IOException("storing " + key + " failed: " + e.getMessage(), e);
        } finally {
            try {
                s3.deleteObject(d -> d.bucket(bucket).key(incoming));
            } catch (S3Exception e) {
                // A leftover under incoming/ is harmless (a bucket lifecycle rule may expire them); the put's outcome stands.
            }
        }
        return new StoredArtifact(uri(key), sha, size);
    }

    /** Closes the S3 client. */
    @Override
    public void close() {
        s3.close();
    }

    @Override
    public InputStream open(String uri) throws IOException {
        String key = key(uri);
        String expected = key.substring(key.lastIndexOf('/') + 1).substring(0, 64);
        try {
            return new VerifyingStream(s3.getObject(g -> g.bucket(bucket).key(key)), expected, uri);
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(uri);
        } catch (S3Exception e) {
            throw new IOException("reading " + uri + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String uri) throws IOException {
        return objectExists(key(uri));
    }

    @Override
    public void delete(String uri) throws IOException {
        String key = key(uri);
        try {
            s3.deleteObject(d -> d.bucket(bucket).key(key));
        } catch (S3Exception e) {
            throw new IOException("deleting " + uri + " failed: " + e.getMessage(), e);
        }
    }

    private boolean objectExists(String key) throws IOException {
        try {
            s3.headObject(h -> h.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new IOException("checking " + key + " failed: " + e.getMessage(), e);
        }
    }

    private String uri(String key) {
        return "s3://" + bucket + "/" + key;
    }

    /** The object key of one of this store's artifact URIs; anything else is refused. */
    private String key(String uri) {
        URI parsed = URI.create(uri);
        String path = parsed.getPath() == null ? "" : parsed.getPath().replaceFirst("^/", "");
        if (!"s3".equals(parsed.getScheme()) || !bucket.equals(parsed.getHost())
                || !path.matches("[a-z][a-z0-9-]*/[0-9a-f]{64}(\\.[a-z0-9]+)*")) {
            throw new IllegalArgumentException("not an artifact of s3://" + bucket + ": " + uri);
        }
        return path;
    }

    /** Uploads what is written as parts of {@code partSize}; a small artifact goes up as one plain object. */
    private final class MultipartOutputStream extends OutputStream {
        private final String key;
        private final byte[] buffer = new byte[partSize];
        private final List<CompletedPart> parts = new ArrayList<>();
        private int filled;
        private String uploadId;

        MultipartOutputStream(String key) {
            this.key = key;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                int n = Math.min(len, buffer.length - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
                if (filled == buffer.length) {
                    uploadPart();
                }
            }
        }

        private void uploadPart() throws IOException {
            try {
                if (uploadId == null) {
                    uploadId = s3.createMultipartUpload(c -> c.bucket(bucket).key(key)).uploadId();
                }
                int number = parts.size() + 1;
                String etag = s3.uploadPart(u -> u.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                        RequestBody.fromBytes(java.util.Arrays.copyOf(buffer, filled))).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                filled = 0;
            } catch (S3Exception e) {
                throw new IOException("uploading part of " + key + " failed: " + e.getMessage(), e);
            }
        }

        /** Publishes the temporary object: the last part and the upload's completion, or one plain put. */
        void complete() throws IOException {
            try {
                if (uploadId == null) {
                    s3.putObject(p -> p.bucket(bucket).key(key),
                            RequestBody.fromBytes(java.util.Arrays.copyOf(buffer, filled)));
                    return;
                }
                if (filled > 0) {
                    uploadPart();
                }
                s3.completeMultipartUpload(c -> c.bucket(bucket).key(key).uploadId(uploadId)
                        .multipartUpload(m -> m.parts(parts)));
            } catch (S3Exception e) {
                throw new IOException("completing " + key + " failed: " + e.getMessage(), e);
            }
        }

        /** Drops a failed put's parts, so the bucket keeps nothing of it. */
        void abort() {
            try {
                if (uploadId != null) {
                    s3.abortMultipartUpload(a -> a.bucket(bucket).key(key).uploadId(uploadId));
                }
            } catch (S3Exception e) {
                // The bucket's lifecycle rule for incomplete uploads removes what is left; the put's error is the one to report.
            }
        }
    }

    /** Hashes what is read and, at the end of the object, fails unless it matches the artifact's sha256. */
    private static final class VerifyingStream extends FilterInputStream {
        private final MessageDigest digest = HashingOutputStream.sha256();
        private final String expected;
        private final String uri;
        private boolean checked;

        VerifyingStream(InputStream in, String expected, String uri) {
            super(in);
            this.expected = expected;
            this.uri = uri;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                verify();
            } else {
                digest.update((byte) b);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0) {
                verify();
            } else {
                digest.update(b, off, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipped bytes must still be hashed.
            byte[] sink = new byte[8192];
            long left = n;
            while (left > 0) {
                int read = read(sink, 0, (int) Math.min(sink.length, left));
                if (read < 0) {
                    break;
                }
                left -= read;
            }
            return n - left;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        /** A reader that stopped before the end (it knew the length) still gets the check: the rest is read first. */
        @Override
        public void close() throws IOException {
            try {
                if (!checked) {
                    byte[] sink = new byte[8192];
                    while (read(sink, 0, sink.length) >= 0) {
                        // hashed by read; verify() runs at the end
                    }
                }
            } finally {
                super.close();
            }
        }

        private void verify() throws IOException {
            if (checked) {
                return;
            }
            checked = true;
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(expected)) {
                throw new IOException("artifact " + uri + " is corrupt: its bytes hash to " + actual);
            }
        }
    }
}
