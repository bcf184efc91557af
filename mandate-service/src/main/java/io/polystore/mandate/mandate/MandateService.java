package io.polystore.mandate.mandate;

import io.polystore.mandate.audit.Actor;
import io.polystore.mandate.audit.AuditEventType;
import io.polystore.mandate.audit.AuditLog;
import io.polystore.mandate.store.Cursors;
import io.polystore.mandate.store.Db;
import io.polystore.mandate.store.Times;
import io.polystore.mandate.store.Uuids;
import io.polystore.mandate.verification.Credential;
import io.polystore.mandate.verification.CredentialVerifier;
import io.polystore.mandate.verification.IssuerKeys;
import io.polystore.mandate.verification.Money;
import io.polystore.mandate.verification.Verification;
import io.polystore.mandate.verification.VerificationStatus;
import io.polystore.mandate.webhook.WebhookEvent;
import io.polystore.rest.concurrency.ConcurrentChange;
import io.polystore.rest.concurrency.IfMatch;
import io.polystore.rest.problem.Problem;
import io.polystore.rest.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The mandate vault's rules. Every change runs in one transaction with its audit row, its webhook events (outbox) and
 * its alerts; the mandate is locked ({@code FOR UPDATE}) while it is checked and changed, and the write is versioned.
 * Another tenant's mandate is "not found", never "forbidden".
 */
@ApplicationScoped
public class MandateService {

    static final int DEFAULT_RETENTION_DAYS = 90;

    private final Db db;
    private final MandateRepository mandates;
    private final CredentialVerifier verifier;
    private final IssuerKeys issuerKeys;
    private final AuditLog audit;
    private final MandateEvents events;
    private final Clock clock;

    MandateService(Db db, MandateRepository mandates, CredentialVerifier verifier, IssuerKeys issuerKeys,
            AuditLog audit, MandateEvents events, Clock clock) {
        this.db = db;
        this.mandates = mandates;
        this.verifier = verifier;
        this.issuerKeys = issuerKeys;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores the credential with what its verification found: a malformed one is a 400 (nothing stored); a well-formed
     * one that fails verification is stored INVALID with the reason, an alert and a MandateVerificationFailed event.
     */
    public Uni<MandateView> create(Actor actor, CreateMandateRequest request) {
        Credential credential = Credential.parse(request.vcJwt());
        return db.inTransaction(connection -> requireCustomer(connection, actor.tenantId(), request.customerId())
                .flatMap(ignored -> issuerKeys.keysOf(connection, actor.tenantId(), credential.issuerDid()))
                .flatMap(keys -> {
                    Verification verification = verifier.verify(credential, keys);
                    Instant now = Times.now(clock);
                    boolean expired = credential.expiresAt() != null && !credential.expiresAt().isAfter(now);
                    Mandate mandate = new Mandate(Uuids.next(clock), actor.tenantId(), request.customerId(),
                            request.vcJwt().strip(), credential.issuerDid(), credential.subjectDid(),
                            credential.scope(), credential.amountLimit(), credential.expiresAt(),
                            expired ? MandateStatus.EXPIRED : MandateStatus.ACTIVE,
                            request.retentionDays() == null ? DEFAULT_RETENTION_DAYS : request.retentionDays(),
                            verification.status(), verification.reason(), verification.verifiedAt(), 0, now, now, null,
                            null);
                    return mandates.insert(connection, mandate);
                })
                .call(created -> audit.record(connection, actor, created.id(), AuditEventType.CREATE,
                        new JsonObject().put("verificationStatus", created.verificationStatus().value())))
                .call(created -> events.publish(connection, WebhookEvent.MANDATE_CREATED, created))
                .call(created -> created.verificationStatus() == VerificationStatus.INVALID
                        ? events.verificationFailed(connection, created)
                        : Uni.createFrom().voidItem()))
                .map(MandateView::of);
    }

    public Uni<MandatePage> list(MandateFilter filter) {
        return mandates.page(filter).map(rows -> {
            List<MandateView> items = rows.stream().limit(filter.limit()).map(MandateView::of).toList();
            boolean more = rows.size() > filter.limit();
            return new MandatePage(items, more ? Cursors.after(items.get(items.size() - 1).id()) : null);
        });
    }

    /** A read, audited (READ) in the same transaction; a deleted mandate only with {@code includeDeleted}. */
    public Uni<MandateView> get(Actor actor, UUID id, boolean includeDeleted) {
        return db.inTransaction(connection -> mandates.find(connection, actor.tenantId(), id)
                .map(found -> visible(found, id, includeDeleted))
                .call(found -> audit.record(connection, actor, id, AuditEventType.READ, null)))
                .map(MandateView::of);
    }

    /** Status, scope, amount limit, retention: the README's transition table; {@code If-Match} as the chassis says. */
    public Uni<MandateView> update(Actor actor, UUID id, UpdateMandateRequest change, IfMatch ifMatch) {
        if (change.changesNothing()) {
            String message = "give at least one of status, scope, amountLimit, retentionDays";
            throw new ProblemException(Problem.invalid(message, List.of(new Problem.FieldError("status", message))));
        }
        return change(actor, id, ifMatch, (connection, mandate) -> {
            if (mandate.status() == MandateStatus.DELETED) {
                throw ProblemException.conflict(mandate.describe() + " is deleted: restore it first");
            }
            MandateStatus status = change.status() == null ? mandate.status() : change.status();
            if (status != mandate.status() && !mandate.status().patchable().contains(status)) {
                List<String> allowed = mandate.status().patchable().stream().map(MandateStatus::value).toList();
                throw new ProblemException(Problem.of(Response.Status.CONFLICT, "status cannot change from "
                        + mandate.status().value() + " to " + status.value() + "; allowed: "
                        + (allowed.isEmpty() ? "none" : String.join(", ", allowed))
                        + " (delete with DELETE, expiry is the service's)")
                        .with("currentStatus", mandate.status().value()).with("allowed", allowed));
            }
            Money limit = change.amountLimit() == null ? mandate.amountLimit() : change.amountLimit();
            Mandate changed = mandate.changed(status, change.scope() == null ? mandate.scope() : change.scope(), limit,
                    change.retentionDays() == null ? mandate.retentionDays() : change.retentionDays(), null, null,
                    Times.now(clock));
            return write(connection, actor, mandate, changed, AuditEventType.UPDATE, diff(mandate, changed))
                    .call(written -> written.status() == MandateStatus.REVOKED
                            && mandate.status() != MandateStatus.REVOKED
                                    ? events.publish(connection, WebhookEvent.MANDATE_REVOKED, written)
                                    : Uni.createFrom().voidItem());
        });
    }

    /** Soft delete: status {@code deleted} and {@code deleted_at}; purged after {@code retention_days}. */
    public Uni<MandateView> delete(Actor actor, UUID id, IfMatch ifMatch) {
        return change(actor, id, ifMatch, (connection, mandate) -> {
            if (mandate.status() == MandateStatus.DELETED) {
                throw ProblemException.notFound(mandate.describe());
            }
            Instant now = Times.now(clock);
            Mandate deleted = mandate.changed(MandateStatus.DELETED, mandate.scope(), mandate.amountLimit(),
                    mandate.retentionDays(), now, mandate.status(), now);
            return write(connection, actor, mandate, deleted, AuditEventType.SOFT_DELETE, null);
        });
    }

    /** Back to the status it had when deleted (or {@code expired}, had it expired meanwhile); until it is purged. */
    public Uni<MandateView> restore(Actor actor, UUID id, IfMatch ifMatch) {
        return change(actor, id, ifMatch, (connection, mandate) -> {
            if (mandate.status() != MandateStatus.DELETED) {
                throw ProblemException.conflict(mandate.describe() + " is not deleted (status "
                        + mandate.status().value() + ")");
            }
            Instant now = Times.now(clock);
            MandateStatus back = Objects.requireNonNullElse(mandate.statusBeforeDelete(), MandateStatus.ACTIVE);
            if (back.expirable() && mandate.expiresAt() != null && !mandate.expiresAt().isAfter(now)) {
                back = MandateStatus.EXPIRED;
            }
            Mandate restored = mandate.changed(back, mandate.scope(), mandate.amountLimit(), mandate.retentionDays(),
                    null, null, now);
            return write(connection, actor, mandate, restored, AuditEventType.RESTORE, null);
        });
    }

    /** Verifies the stored credential again, now (keys registered since count); audited VERIFY. */
    public Uni<MandateView> verify(Actor actor, UUID id) {
        return change(actor, id, IfMatch.ABSENT, (connection, mandate) -> {
            if (mandate.status() == MandateStatus.DELETED) {
                throw ProblemException.conflict(mandate.describe() + " is deleted: restore it first");
            }
            Credential credential = Credential.parse(mandate.vcJwt());
            return issuerKeys.keysOf(connection, mandate.tenantId(), mandate.issuerDid()).flatMap(keys -> {
                Verification verification = verifier.verify(credential, keys);
                return write(connection, actor, mandate, mandate.verified(verification), AuditEventType.VERIFY,
                        new JsonObject().put("verificationStatus", verification.status().value())
                                .put("verificationReason", verification.reason()))
                        .call(written -> written.verificationStatus() == VerificationStatus.INVALID
                                && mandate.verificationStatus() != VerificationStatus.INVALID
                                        ? events.verificationFailed(connection, written)
                                        : Uni.createFrom().voidItem());
            });
        });
    }

    /** Whether the tenant has this mandate (deleted or not): the audit trail of an unknown one is a 404. */
    public Uni<Void> requireExists(String tenantId, UUID id) {
        return db.read("SELECT 1 FROM mandates WHERE tenant_id = $1 AND id = $2", Tuple.of(tenantId, id)).map(rows -> {
            if (rows.size() == 0) {
                throw ProblemException.notFound("mandate " + id);
            }
            return null;
        });
    }

    private interface Change {
        Uni<Mandate> apply(SqlConnection connection, Mandate locked);
    }

    private Uni<MandateView> change(Actor actor, UUID id, IfMatch ifMatch, Change change) {
        String what = "mandate " + id;
        return db.inTransaction(connection -> mandates.lock(connection, actor.tenantId(), id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(what))
                .invoke(locked -> ifMatch.require(locked.version(), what))
                .flatMap(locked -> change.apply(connection, locked)))
                .map(MandateView::of)
                .onFailure(ConcurrentChange::isLostRace).transform(ConcurrentChange.answer(ifMatch, what));
    }

    /** The versioned write and its audit row; a change that changes nothing writes nothing. */
    private Uni<Mandate> write(SqlConnection connection, Actor actor, Mandate before, Mandate after,
            AuditEventType type, JsonObject diff) {
        if (type == AuditEventType.UPDATE && diff.isEmpty()) {
            return Uni.createFrom().item(before);
        }
        return mandates.update(connection, after)
                .onItem().ifNull().failWith(() -> ConcurrentChange.conflict(before.describe()))
                .call(written -> audit.record(connection, actor, written.id(), type, diff));
    }

    private static JsonObject diff(Mandate before, Mandate after) {
        JsonObject diff = new JsonObject();
        put(diff, "status", before.status().value(), after.status().value());
        put(diff, "scope", before.scope(), after.scope());
        put(diff, "amountLimit", Objects.toString(before.amountLimit(), null),
                Objects.toString(after.amountLimit(), null));
        put(diff, "retentionDays", before.retentionDays(), after.retentionDays());
        return diff;
    }

    private static void put(JsonObject diff, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            diff.put(field, new JsonObject().put("from", before).put("to", after));
        }
    }

    private static Mandate visible(Mandate found, UUID id, boolean includeDeleted) {
        if (found == null || (found.status() == MandateStatus.DELETED && !includeDeleted)) {
            throw ProblemException.notFound("mandate " + id);
        }
        return found;
    }

    private Uni<Void> requireCustomer(SqlConnection connection, String tenantId, Long customerId) {
        if (customerId == null) {
            return Uni.createFrom().voidItem();
        }
        return mandates.customerExists(connection, tenantId, customerId).map(exists -> {
            if (!exists) {
                throw ProblemException.badField("customerId", "is not one of your customers");
            }
            return null;
        });
    }
}
