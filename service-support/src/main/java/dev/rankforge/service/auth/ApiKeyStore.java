package dev.rankforge.service.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rankforge.service.team.Teams;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The management API keys: the bootstrap admin and service keys from configuration, and stored keys (a SHA-256 of
 * each in the {@code rankforge_auth.api_key} table of the shared auth datasource, so every service verifies the keys any of them
 * created). Verified keys are remembered for {@link AuthConfig#cacheFor()}.
 */
@ApplicationScoped
public class ApiKeyStore {
    /** Every key starts so, which tells it from other secrets in logs and scanners. */
    public static final String PREFIX = "rfk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AgroalDataSource auth;
    private final String adminKeyHash;
    private final String serviceKeyHash;
    private final Cache<String, Caller> verified;
    private final Cache<String, Boolean> unknown;

    public ApiKeyStore(@DataSource("auth") AgroalDataSource auth, AuthConfig config) {
        this.auth = auth;
        this.adminKeyHash = config.adminKey().filter(k -> !k.isBlank()).map(KeyHashes::sha256Hex).orElse(null);
        this.serviceKeyHash = config.serviceKey().filter(k -> !k.isBlank()).map(KeyHashes::sha256Hex).orElse(null);
        this.verified = Caffeine.newBuilder().expireAfterWrite(config.cacheFor()).maximumSize(10_000).build();
        // Apart, so that a flood of made-up keys cannot push the real ones out.
        this.unknown = Caffeine.newBuilder().expireAfterWrite(config.cacheFor()).maximumSize(10_000).build();
    }

    /** A stored key as listed: never the key itself. */
    public record StoredKey(UUID id, String name, String team, Set<String> roles, Instant createdAt,
                            Instant revokedAt) {
    }

    /** A new key: {@code key} is shown this once. */
    public record Created(StoredKey stored, String key) {
    }

    /**
     * Who {@code key} belongs to, or empty when it is no key of ours (or revoked). Blocking: a database read, unless
     * the key was seen within {@link AuthConfig#cacheFor()}.
     */
    public Optional<Caller> verify(String key) {
        if (key == null) {
            return Optional.empty();
        }
        String keyHash = KeyHashes.sha256Hex(key);
        // Digests of equal length: the comparison tells nothing about a configured key, not even its length.
        if (adminKeyHash != null && KeyHashes.sameDigest(adminKeyHash, keyHash)) {
            return Optional.of(new Caller("admin", Teams.DEFAULT, Set.of(Roles.ADMIN), Caller.Reach.FLEET));
        }
        if (serviceKeyHash != null && KeyHashes.sameDigest(serviceKeyHash, keyHash)) {
            return Optional.of(new Caller("service", Teams.DEFAULT, Set.of(Roles.RESEARCHER), Caller.Reach.SERVICE));
        }
        if (!key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Caller known = verified.getIfPresent(keyHash);
        if (known != null) {
            return Optional.of(known);
        }
        if (unknown.getIfPresent(keyHash) != null) {
            return Optional.empty();
        }
        Optional<Caller> found = lookUp(keyHash);
        found.ifPresentOrElse(c -> verified.put(keyHash, c), () -> unknown.put(keyHash, Boolean.TRUE));
        return found;
    }

    public Created create(String name, String team, Set<String> roles) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String keyHash = KeyHashes.sha256Hex(key);
        StoredKey stored = new StoredKey(UUID.randomUUID(), name, team, Set.copyOf(roles), Instant.now(), null);
        try (Connection c = auth.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO rankforge_auth.api_key (id, name, team, roles, key_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setObject(1, stored.id());
            s.setString(2, name);
            s.setString(3, team);
            s.setString(4, String.join(",", new LinkedHashSet<>(roles)));
            s.setString(5, keyHash);
            s.setTimestamp(6, Timestamp.from(stored.createdAt()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("storing API key '" + name + "' failed", e);
        }
        unknown.invalidate(keyHash);
        return new Created(stored, key);
    }

    public List<StoredKey> list() {
        try (Connection c = auth.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, name, team, roles, created_at, revoked_at FROM rankforge_auth.api_key ORDER BY created_at");
             ResultSet r = s.executeQuery()) {
            List<StoredKey> out = new ArrayList<>();
            while (r.next()) {
                out.add(read(r));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("listing API keys failed", e);
        }
    }

    /** Revokes the key; false when there is no such key or it was revoked already. */
    public boolean revoke(UUID id) {
        try (Connection c = auth.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE rankforge_auth.api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
            s.setTimestamp(1, Timestamp.from(Instant.now()));
            s.setObject(2, id);
            boolean revoked = s.executeUpdate() == 1;
            verified.invalidateAll();
            unknown.invalidateAll();
            return revoked;
        } catch (SQLException e) {
            throw new IllegalStateException("revoking API key " + id + " failed", e);
        }
    }

    private Optional<Caller> lookUp(String keyHash) {
        try (Connection c = auth.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id, name, team, roles, created_at, revoked_at FROM rankforge_auth.api_key WHERE key_hash = ?")) {
            s.setString(1, keyHash);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                StoredKey k = read(r);
                return k.revokedAt() != null ? Optional.empty() : Optional.of(new Caller(k.name(), k.team(), k.roles()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("looking up an API key failed", e);
        }
    }

    private static StoredKey read(ResultSet r) throws SQLException {
        Timestamp revoked = r.getTimestamp("revoked_at");
        return new StoredKey(r.getObject("id", UUID.class), r.getString("name"), r.getString("team"),
                new LinkedHashSet<>(Arrays.asList(r.getString("roles").split(","))),
                r.getTimestamp("created_at").toInstant(), revoked == null ? null : revoked.toInstant());
    }
}
