package dev.rankforge.infra;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3-protocol server (S3Proxy) inside this JVM, for local runs on object storage and for tests: objects in a
 * directory, or in memory. It signs requests as S3 does (SigV4), with {@link #ACCESS_KEY} / {@link #SECRET_KEY}.
 */
public final class LocalS3 implements AutoCloseable {
    public static final String ACCESS_KEY = "rankforge-local";
    public static final String SECRET_KEY = "rankforge-local-secret";

    private final S3Proxy proxy;
    private final BlobStoreContext context;

    private LocalS3(S3Proxy proxy, BlobStoreContext context) {
        this.proxy = proxy;
        this.context = context;
    }

    /**
     * Starts the server on a free port.
     *
     * @param directory where the buckets live (kept at close), or {@code null} for memory
     */
    public static LocalS3 start(Path directory) throws Exception {
        Properties properties = new Properties();
        if (directory != null) {
            Files.createDirectories(directory);
            properties.setProperty("jclouds.filesystem.basedir", directory.toAbsolutePath().toString());
        }
        BlobStoreContext context = ContextBuilder.newBuilder(directory == null ? "transient" : "filesystem")
                .overrides(properties).buildView(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                proxy.stop();
                context.close();
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
        return new LocalS3(proxy, context);
    }

    /** The server's URL, for path-style requests. */
    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    @Override
    public void close() throws Exception {
        try {
            proxy.stop();
        } finally {
            context.close();
        }
    }
}
