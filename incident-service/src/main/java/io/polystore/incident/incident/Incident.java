package io.polystore.incident.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

@Entity
@Table(name = "incidents")
public class Incident {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(nullable = false, columnDefinition = "TEXT")
    public String description;

    @Column(nullable = false, length = 16)
    public IncidentStatus status;

    @Column(nullable = false, length = 16)
    public Severity severity;

    /** Null for incidents filed from the ops command line without a key. */
    @Column(name = "reporter_key_id")
    public Long reporterKeyId;

    @Column(name = "owner_user_id", nullable = false)
    public Long ownerUserId;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * Incremented by every change; Hibernate writes a change only {@code WHERE version = <the version read>}, so of two
     * concurrent changes the second fails instead of overwriting the first. The incident's {@code ETag}.
     */
    @Version
    @Column(nullable = false)
    public long version;

}
