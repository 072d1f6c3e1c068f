package dev.rankforge.data.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts an upload's bytes as they stream in and stops it with 413 once it passes the configured limit. */
final class UploadLimit extends FilterInputStream {
    private final long limit;
    private long read;

    UploadLimit(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) {
        read += n;
        if (read > limit) {
            throw new WebApplicationException("the upload is larger than the limit of " + limit + " bytes",
                    Response.Status.REQUEST_ENTITY_TOO_LARGE);
        }
    }
}
