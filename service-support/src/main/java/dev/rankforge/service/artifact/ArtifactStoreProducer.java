package dev.rankforge.service.artifact;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Makes the configured artifact store injectable: a local directory or an S3-compatible bucket. */
@ApplicationScoped
public class ArtifactStoreProducer {
    @Produces
    @ApplicationScoped
    ArtifactStore artifactStore(ArtifactsConfig config) {
        return switch (config.store()) {
            case "local" -> new LocalArtifactStore(Path.of(config.root()));
            case "s3" -> new S3ArtifactStore(client(config.s3()), config.s3().bucket(),
                    config.s3().partSizeMb() * 1024 * 1024, config.s3().createBucket());
            default -> throw new IllegalArgumentException("RANKFORGE_ARTIFACTS_STORE must be local or s3, not "
                    + config.store());
        };
    }

    void close(@jakarta.enterprise.inject.Disposes ArtifactStore store) {
        if (store instanceof S3ArtifactStore s3) {
            s3.close();
        }
    }

    /** An S3 client for these settings. */
    static S3Client client(ArtifactsConfig.S3 s3) {
        return client(s3.endpoint(), s3.region(), s3.pathStyle(), s3.accessKey(), s3.secretKey());
    }

    /**
     * An S3 client: {@code endpoint} absent for AWS S3, credentials absent for the SDK's default chain (also used by
     * tests against a local server).
     */
    public static S3Client client(java.util.Optional<String> endpoint, String region, boolean pathStyle,
                                  java.util.Optional<String> accessKey, java.util.Optional<String> secretKey) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(region))
                .forcePathStyle(pathStyle)
                // Checksums only where S3 requires them: our sha256 already guards every artifact, and
                // S3-compatible servers differ in which checksum trailers they accept.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        endpoint.ifPresent(url -> builder.endpointOverride(URI.create(url)));
        if (accessKey.isPresent() && secretKey.isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(accessKey.get(), secretKey.get())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }
}
