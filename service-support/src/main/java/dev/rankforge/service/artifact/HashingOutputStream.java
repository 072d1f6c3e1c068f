package dev.rankforge.service.artifact;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Counts and sha256-hashes the bytes an artifact's writer produces on their way to the store. */
final class HashingOutputStream extends DigestOutputStream {
    private long count;

    HashingOutputStream(OutputStream out) {
        super(out, sha256());
    }

    /** Bytes written so far. */
    long count() {
        return count;
    }

    /** The hex sha256 of what was written (call once, at the end). */
    String sha256Hex() {
        return java.util.HexFormat.of().formatHex(getMessageDigest().digest());
    }

    @Override
    public void write(int b) throws IOException {
        super.write(b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        super.write(b, off, len);
        count += len;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
