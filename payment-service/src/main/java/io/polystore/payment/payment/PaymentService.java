package io.polystore.payment.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.payment.audit.Actor;
import io.polystore.payment.audit.AuditAction;
import io.polystore.payment.audit.AuditEntry;
import io.polystore.payment.audit.AuditRepository;
import io.polystore.payment.cache.PaymentCache;
import io.polystore.payment.config.PaymentConfig;
import io.polystore.payment.health.MySqlReadinessCheck;
import io.polystore.payment.idempotency.IdempotencyKey;
import io.polystore.payment.idempotency.IdempotencyRepository;
import io.polystore.payment.idempotency.StoredAnswer;
import io.polystore.rest.concurrency.ConcurrentChange;
import io.polystore.rest.concurrency.IfMatch;
import io.polystore.rest.problem.Problem;
import io.polystore.rest.problem.ProblemException;
import io.polystore.rest.store.StoreCalls;
import io.polystore.rest.store.StoreFailure;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Payments: create (checks, fee, reference, audit, idempotency, one transaction), reads through the cache, status
 * changes under {@code If-Match}. Every read of an owner is scoped to it: another owner's payment is "not found".
 */
@ApplicationScoped
public class PaymentService {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private final Pool pool;
    private final PaymentRepository payments;
    private final AuditRepository audit;
    private final IdempotencyRepository idempotency;
    private final PaymentCache cache;
    private final StoreCalls calls;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final PaymentConfig.Payments rules;

    PaymentService(Pool pool, PaymentRepository payments, AuditRepository audit, IdempotencyRepository idempotency,
            PaymentCache cache, StoreCalls calls, ObjectMapper mapper, Clock clock, PaymentConfig config) {
        this.pool = pool;
        this.payments = payments;
        this.audit = audit;
        this.idempotency = idempotency;
        this.cache = cache;
        this.calls = calls;
        this.mapper = mapper;
        this.clock = clock;
        this.rules = config.payments();
    }

    /**
     * Creates a payment of {@code owner}. With an idempotency key, the key is claimed in the same transaction: the same
     * key and request again within the window answers the first payment ({@code replayed}), another request with the
     * key is a 409, and concurrent requests with one key create one payment.
     */
    public Uni<CreatedPayment> create(long owner, CreatePaymentRequest request, String idempotencyKey, Actor actor) {
        NewPayment payment = NewPayment.of(request);
        if (idempotencyKey == null) {
            return insert(owner, payment, null, null, actor).map(view -> new CreatedPayment(view, false));
        }
        String hash = hash(payment);
        return storedAnswer(owner, idempotencyKey, hash).chain(replay -> replay != null
                ? Uni.createFrom().item(replay)
                : idempotency
                        .forgetExpired(pool, owner, idempotencyKey, clock.instant().minus(rules.idempotencyWindow()))
                        .chain(() -> insert(owner, payment, idempotencyKey, hash, actor)
                                .map(view -> new CreatedPayment(view, false))
                                // another request with this key committed first: answer as it did (or 409)
                                .onFailure(failure -> StoreFailure.of(failure) == StoreFailure.DUPLICATE_KEY)
                                .recoverWithUni(() -> storedAnswer(owner, idempotencyKey, hash)
                                        .onItem().ifNull().failWith(() -> ProblemException.conflict(
                                                "a concurrent request with this Idempotency-Key failed; retry")))));
    }

    private Uni<PaymentView> insert(long owner, NewPayment request, String idempotencyKey, String hash, Actor actor) {
        Instant now = clock.instant();
        UUID id = PaymentIds.next(clock);
        return pool.withTransaction(tx -> claim(tx, owner, idempotencyKey, hash, id, now)
                .chain(() -> payments.hasPaymentFrom(tx, owner, request.email(), now.minus(rules.duplicateWindow())))
                .chain(duplicated -> payments.nextNumber(tx).chain(number -> {
                    List<Validation> checks = PaymentChecks.run(request, duplicated);
                    Payment payment = payment(id, number, owner, request, checks, now);
                    PaymentView view = PaymentView.of(payment, checks);
                    return payments.insert(tx, payment)
                            .chain(() -> payments.insertValidations(tx, id, checks, now))
                            .chain(() -> audit.append(tx, id, owner, AuditAction.CREATE, null, auditedFields(payment),
                                    actor, now))
                            .chain(() -> idempotencyKey == null
                                    ? Uni.createFrom().voidItem()
                                    : idempotency.answer(tx, owner, idempotencyKey, json(CachedPayment.of(view))))
                            .replaceWith(view);
                })))
                .call(() -> cache.invalidate(owner));
    }

    private Uni<Void> claim(SqlClient tx, long owner, String key, String hash, UUID id, Instant now) {
        return key == null
                ? Uni.createFrom().voidItem()
                : idempotency.claim(tx, owner, key, hash, id, now);
    }

    /** The first answer for this key, null when the key is unused, 409 when it was used for another request. */
    private Uni<CreatedPayment> storedAnswer(long owner, String key, String hash) {
        return calls.bounded(MySqlReadinessCheck.NAME,
                () -> idempotency.find(pool, owner, key, clock.instant().minus(rules.idempotencyWindow())))
                .map(stored -> stored == null ? null : replay(stored, hash));
    }

    private CreatedPayment replay(StoredAnswer stored, String hash) {
        if (!stored.requestHash().equals(hash)) {
            throw new ProblemException(Problem.of(Response.Status.CONFLICT, "this " + IdempotencyKey.HEADER
                    + " was used with another request; nothing was created (use a new key for a new payment)")
                    .with("field", IdempotencyKey.HEADER));
        }
        try {
            // the first answer's version was 0: the replay carries the first answer, not the payment's state now
            return new CreatedPayment(mapper.readValue(stored.response(), CachedPayment.class).view(), true);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Payment payment(UUID id, long number, long owner, NewPayment request, List<Validation> checks,
            Instant now) {
        Currency currency = Currency.getInstance(request.currency());
        BigDecimal fee = Money.fee(request.amount(), currency);
        return new Payment(id, number, References.of(number), owner, request.payerName(), request.email(),
                request.amount(), request.amountReceived(), request.currency(), Money.feePercentage(request.amount()),
                fee, request.amount().add(fee), request.description(), request.school(), request.studentId(),
                request.senderFullName(), request.countryFrom(), request.senderAddress(),
                PaymentStatus.fromAmounts(request.amount(), request.amountReceived()), PaymentChecks.outcome(checks),
                0, now, now);
    }

    /** One of the owner's payments with its checks, through the cache. */
    public Uni<PaymentView> get(UUID id, long owner) {
        return cache.read(owner, "id", id.toString(), CachedPayment.class,
                () -> load(payments.find(pool, id, owner, false), "payment " + id))
                .map(CachedPayment::view);
    }

    public Uni<PaymentView> byReference(String reference, long owner) {
        if (!References.isValid(reference)) {
            return Uni.createFrom().failure(ProblemException.notFound("payment " + reference));
        }
        return cache.read(owner, "ref", reference, CachedPayment.class,
                () -> load(payments.findByReference(pool, reference, owner), "payment " + reference))
                .map(CachedPayment::view);
    }

    /** For the ops command line: any owner's payment, by id or reference, not cached. */
    public Uni<PaymentView> find(String idOrReference) {
        UUID id = PaymentIds.parse(idOrReference);
        Uni<Payment> found = id != null
                ? payments.find(pool, id, null, false)
                : payments.findByReference(pool, idOrReference, null);
        return load(found, "payment " + idOrReference).map(CachedPayment::view);
    }

    private Uni<CachedPayment> load(Uni<Payment> found, String what) {
        return calls.bounded(MySqlReadinessCheck.NAME, () -> found
                .onItem().ifNull().failWith(() -> ProblemException.notFound(what))
                .chain(payment -> payments.validations(pool, payment.id())
                        .map(checks -> CachedPayment.of(PaymentView.of(payment, checks)))));
    }

    /** One page of everyone's or one owner's payments, not cached (the ops command line). */
    public Uni<PaymentPage> list(PaymentFilter filter) {
        return calls.bounded(MySqlReadinessCheck.NAME, () -> payments.page(pool, filter))
                .map(rows -> page(rows, filter.limit()));
    }

    /**
     * One page of the owner's payments as the JSON answer, through the cache: a hit is sent as it was cached, with no
     * decoding and encoding again (50 items each time would cost more than the query they save).
     */
    public Uni<String> listJson(long owner, PaymentFilter filter) {
        return cache.readJson(owner, "list", filter.cacheKey(), () -> list(filter));
    }

    private static PaymentPage page(List<Payment> rows, int limit) {
        boolean more = rows.size() > limit;
        List<Payment> items = rows.stream().limit(limit).toList();
        List<PaymentView> views = items.stream().map(payment -> PaymentView.of(payment, null)).toList();
        return new PaymentPage(views, more ? Cursor.after(items.get(items.size() - 1).seq()) : null);
    }

    /**
     * Changes status and/or description, or nothing. The row is locked and read in the transaction, {@code If-Match} is
     * checked against that version, the transition against that status, and the audit row is written before the commit,
     * so a concurrent change is either fully before or fully after this one.
     *
     * @param owner
     *            null for the ops command line, which may change any payment
     */
    public Uni<PaymentView> update(UUID id, Long owner, UpdatePaymentRequest change, IfMatch ifMatch, Actor actor) {
        requireChange(change);
        String what = "payment " + id;
        Instant now = clock.instant();
        return pool.withTransaction(tx -> payments.find(tx, id, owner, true)
                .onItem().ifNull().failWith(() -> ProblemException.notFound(what))
                .chain(current -> {
                    ifMatch.require(current.version(), what);
                    Payment changed = apply(current, change, now);
                    Uni<Void> written = changed == current
                            ? Uni.createFrom().voidItem()
                            : write(tx, current, changed,
                                    ifMatch, what, actor, now);
                    return written.chain(() -> payments.validations(tx, id))
                            .map(checks -> PaymentView.of(changed, checks))
                            .map(view -> new Changed(view, current.ownerUserId()));
                }))
                // after the commit, before the answer (see PaymentCache): the next read misses
                .call(changed -> cache.invalidate(changed.owner()))
                .map(Changed::view);
    }

    private record Changed(PaymentView view, long owner) {
    }

    private Uni<Void> write(SqlClient tx, Payment current, Payment changed, IfMatch ifMatch, String what,
            Actor actor, Instant now) {
        AuditAction action = changed.status() != current.status() ? AuditAction.STATUS_CHANGE : AuditAction.UPDATE;
        return payments.update(tx, changed, current.version())
                .invoke(rows -> {
                    // the row is locked, so only a writer bypassing the service can get here
                    if (rows == 0) {
                        throw (RuntimeException) ConcurrentChange.answer(ifMatch, what).apply(null);
                    }
                })
                .chain(() -> audit.append(tx, current.id(), current.ownerUserId(), action,
                        differences(current, changed, true), differences(current, changed, false), actor, now));
    }

    /** The owner's trail of one payment, oldest first; 404 when the owner has none for it. */
    public Uni<List<AuditEntry>> trail(UUID id, long owner) {
        return calls.bounded(MySqlReadinessCheck.NAME, () -> audit.trail(pool, id, owner))
                .invoke(entries -> {
                    if (entries.isEmpty()) {
                        throw ProblemException.notFound("payment " + id);
                    }
                });
    }

    /** Counts for the ops command line: by status, by validation status, created in the last 24 hours. */
    public Uni<PaymentStats> stats() {
        Instant since = clock.instant().minus(Duration.ofHours(24));
        return payments.countBy(pool, "status")
                .chain(byStatus -> payments.countBy(pool, "validation_status")
                        .chain(byValidation -> payments.countSince(pool, since)
                                .map(recent -> new PaymentStats(byStatus.values().stream().mapToLong(Long::longValue)
                                        .sum(), byStatus, byValidation, recent))));
    }

    static void requireChange(UpdatePaymentRequest change) {
        if (change.status() == null && change.description() == null) {
            String message = "give at least one of status, description";
            throw new ProblemException(Problem.invalid(message, List.of(new Problem.FieldError("status", message),
                    new Problem.FieldError("description", message))));
        }
    }

    /** The changed payment, or {@code current} itself when nothing changes. */
    private static Payment apply(Payment current, UpdatePaymentRequest change, Instant now) {
        PaymentStatus status = current.status();
        if (change.status() != null && change.status() != current.status()) {
            List<String> allowed = current.status().allowedNext(current.validationStatus()).stream()
                    .map(PaymentStatus::value).toList();
            if (!allowed.contains(change.status().value())) {
                throw new ProblemException(Problem.of(Response.Status.CONFLICT,
                        "status cannot change from " + current.status().value() + " to " + change.status().value()
                                + (allowed.isEmpty() ? "; it is final" : "; allowed: " + String.join(", ", allowed)))
                        .with("currentStatus", current.status().value())
                        .with("allowed", allowed));
            }
            status = change.status();
        }
        String description = current.description();
        if (change.description() != null) {
            // an empty description removes it
            description = change.description().isBlank() ? null : change.description().strip();
        }
        if (status == current.status() && Objects.equals(description, current.description())) {
            return current;
        }
        return current.changed(status, description, now);
    }

    /** The fields that differ, before ({@code old}) or after the change: the audit row's old and new value. */
    private static Map<String, Object> differences(Payment before, Payment after, boolean old) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (before.status() != after.status()) {
            fields.put("status", (old ? before : after).status().value());
        }
        if (!Objects.equals(before.description(), after.description())) {
            fields.put("description", (old ? before : after).description());
        }
        return fields;
    }

    /** What a CREATE row records: the payment as created, amounts as decimal strings. */
    private static Map<String, Object> auditedFields(Payment payment) {
        Map<String, Object> fields = new LinkedHashMap<>();
        PaymentView view = PaymentView.of(payment, null);
        fields.put("reference", view.reference());
        fields.put("payerName", view.payerName());
        fields.put("email", view.email());
        fields.put("amount", view.amount());
        fields.put("amountReceived", view.amountReceived());
        fields.put("currency", view.currency());
        fields.put("feeAmount", view.feeAmount());
        fields.put("finalAmount", view.finalAmount());
        fields.put("status", view.status().value());
        fields.put("validationStatus", view.validationStatus().value());
        return fields;
    }

    private String hash(NewPayment payment) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(mapper.writeValueAsString(payment).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(CachedPayment view) {
        try {
            return mapper.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
