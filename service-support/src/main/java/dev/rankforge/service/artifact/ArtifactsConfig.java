package dev.rankforge.service.artifact;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * Where artifacts live. Environment: {@code RANKFORGE_ARTIFACTS_STORE} ({@code local} or {@code s3}),
 * {@code RANKFORGE_ARTIFACTS_ROOT}, {@code RANKFORGE_ARTIFACTS_S3_BUCKET}, {@code _S3_ENDPOINT}, {@code _S3_REGION},
 * {@code _S3_PATH_STYLE}, {@code _S3_ACCESS_KEY}, {@code _S3_SECRET_KEY}, {@code _S3_PART_SIZE_MB},
 * {@code _S3_CREATE_BUCKET}.
 */
@ConfigMapping(prefix = "rankforge.artifacts")
public interface ArtifactsConfig {
    /** {@code local} (a directory shared by the services of one machine) or {@code s3} (a bucket, for a fleet). */
    @WithDefault("local")
    String store();

    /**
     * Root directory of the local store; with {@code s3}, still where a service keeps its own working files
     * (training checkpoints).
     */
    @WithDefault(".rankforge/artifacts")
    String root();

    /** The S3-compatible bucket, when {@link #store()} is {@code s3}. */
    S3 s3();

    /** An S3-compatible bucket (AWS S3, MinIO, Ceph, S3Proxy). */
    interface S3 {
        @WithDefault("rankforge-artifacts")
        String bucket();

        /** The service's URL; absent: AWS S3 of {@link #region()}. */
        Optional<String> endpoint();

        @WithDefault("us-east-1")
        String region();

        /** Path-style addressing ({@code endpoint/bucket/key}), as MinIO and S3Proxy expect. */
        @WithDefault("false")
        boolean pathStyle();

        /** Static credentials; absent: the SDK's default chain (environment, web identity, instance profile). */
        Optional<String> accessKey();

        Optional<String> secretKey();

        /** Bytes per uploaded part, and so the memory one upload holds (at least 5). */
        @WithDefault("8")
        int partSizeMb();

        /** Create the bucket at start when it is missing (local runs); a fleet's bucket is provisioned. */
        @WithDefault("false")
        boolean createBucket();
    }
}
