package dev.rankforge.contracts;

/** The version carried in the {@code schemaVersion} field of every message; bump on breaking changes. */
public final class SchemaVersion {
    public static final int CURRENT = 3;

    private SchemaVersion() {
    }
}
