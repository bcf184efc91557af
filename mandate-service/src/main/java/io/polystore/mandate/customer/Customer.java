package io.polystore.mandate.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/**
 * A tenant's customer, the party that grants payment mandates. {@code externalRef} is the tenant's own identifier for
 * it, unique per tenant among customers not deleted. Deleting sets {@code deletedAt}; the row stays for the retention
 * period.
 */
@Entity
@Table(name = "customers")
public class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "tenant_id", nullable = false, updatable = false, length = 64)
    public String tenantId;

    @Column(name = "external_ref", nullable = false, length = 128)
    public String externalRef;

    @Column(length = 254)
    public String email;

    @Column(nullable = false, length = 200)
    public String name;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;
}
