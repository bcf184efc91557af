package io.polystore.incident.apikey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.CreationTimestamp;

/**
 * An API key as stored: never the secret, only its SHA-256. A revoked key stays for the incidents it reported. A key
 * made through REST records the key that made it ({@code parentKeyId}), so revoking a key revokes what it created.
 */
@Entity
@Table(name = "api_keys")
public class ApiKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(nullable = false, length = 12, unique = true)
    public String prefix;

    @Column(name = "secret_hash", nullable = false, length = 32)
    public byte[] secretHash;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** Space-separated, as {@link io.polystore.rest.identity.Scopes#format} writes them. */
    @Column(nullable = false, length = 255)
    public String scopes;

    @Column(name = "parent_key_id")
    public Long parentKeyId;
}
