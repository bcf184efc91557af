package io.polystore.session.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.polystore.rest.problem.ProblemException;
import io.polystore.session.archive.Archiver;
import io.polystore.session.catalog.ProductCheck;
import io.polystore.session.config.SessionConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the API does with sessions. Every change reads the session, applies the change to what it read and writes it
 * back only if nobody wrote in between (the store's compare-and-set on {@code version}); otherwise it reads again and
 * re-applies, so concurrent changes all land (20 parallel appends leave 20 more messages) and none is lost. A session
 * is its owner's alone: anybody else's, like an unknown one, is a 404.
 */
@ApplicationScoped
public class SessionService {

    /** Attempts of one change under contention; each lost round means another change landed. */
    static final int MAX_ATTEMPTS = 100;

    private final SessionStore store;
    private final SessionTimes times;
    private final Archiver archiver;
    private final ProductCheck products;
    private final int maxPerUser;
    private final Counter created;

    SessionService(SessionStore store, SessionTimes times, Archiver archiver, ProductCheck products,
            SessionConfig config, MeterRegistry registry) {
        this.store = store;
        this.times = times;
        this.archiver = archiver;
        this.products = products;
        this.maxPerUser = config.session().maxPerUser();
        this.created = Counter.builder("sessions.created").description("Sessions written to Redis")
                .register(registry);
    }

    public Uni<SessionDocument> create(String userId, CreateSessionRequest request) {
        CreateSessionRequest given = request == null ? new CreateSessionRequest(null, null, null) : request;
        JsonNode parameters = SessionLimits.parameters("masterParameters", given.masterParameters());
        SessionDocument session = SessionDocument.start(UUID.randomUUID().toString(), userId,
                given.language() == null ? "en" : given.language(),
                given.currentState() == null ? ConfiguratorState.POWER_SOURCE_SELECTION : given.currentState(),
                parameters == null ? JsonNodeFactory.instance.objectNode() : parameters, times.now());
        return store.create(session, maxPerUser).map(written -> {
            if (written == SessionStore.Written.USER_FULL) {
                throw ProblemException.conflict("a user holds at most " + maxPerUser
                        + " sessions at once: finalize, complete or delete one first");
            }
            if (written != SessionStore.Written.DONE) {
                throw new IllegalStateException("a fresh random session id " + session.sessionId() + " was taken");
            }
            created.increment();
            return session;
        });
    }

    public Uni<List<SessionDocument>> list(String userId) {
        return store.ofUser(userId).map(sessions -> sessions.stream().filter(SessionDocument::isActive).toList());
    }

    /** The user's session; reading an active one starts its TTL again. */
    public Uni<SessionDocument> get(String userId, String sessionId) {
        return owned(userId, sessionId).call(session -> session.isActive()
                ? store.touch(session)
                : Uni.createFrom()
                        .voidItem());
    }

    public Uni<SessionDocument> append(String userId, String sessionId, MessageRequest message) {
        return change(userId, sessionId, session -> {
            if (session.messageCount() >= SessionLimits.MAX_MESSAGES) {
                throw ProblemException.badField("messages",
                        "a session holds at most " + SessionLimits.MAX_MESSAGES + " messages");
            }
            return session.withMessage(new Message(message.role(), message.content(), times.now()));
        });
    }

    public Uni<SessionDocument> update(String userId, String sessionId, UpdateSessionRequest request) {
        JsonNode parameters = SessionLimits.parameters("masterParameters", request.masterParameters());
        return change(userId, sessionId,
                session -> session.withChanges(request.language(), request.currentState(), parameters, times.now()));
    }

    /**
     * Records the product chosen for one component: checked against catalog-service first (as the caller), so an
     * unknown GIN (422) or an unreachable catalog (503) writes nothing.
     */
    public Uni<SessionDocument> select(String userId, String sessionId, String productType, SelectionRequest request,
            String authorization) {
        if (!SessionLimits.PRODUCT_TYPES.contains(productType)) {
            throw ProblemException.badField("type", "must be one of " + SessionLimits.PRODUCT_TYPES);
        }
        boolean skipped = Boolean.TRUE.equals(request.skipped());
        if (skipped == (request.gin() != null)) {
            throw ProblemException.badField("gin", "give either gin or \"skipped\": true");
        }
        // the session must be the caller's before anything is asked of the catalog
        Uni<JsonNode> selection = skipped
                ? Uni.createFrom().item(SessionDocument.skipped())
                : products.product(request.gin(), productType, authorization).map(product -> {
                    ObjectNode chosen = JsonNodeFactory.instance.objectNode();
                    chosen.put("gin", product.gin()).put("name", product.name()).put("type", product.type());
                    return (JsonNode) chosen;
                });
        return owned(userId, sessionId).chain(() -> selection)
                .chain(chosen -> change(userId, sessionId,
                        session -> session.withSelection(productType, chosen, times.now())));
    }

    /**
     * Ends the session as its user says ({@code finalized}, {@code completed}, or {@code abandoned} for a delete) and
     * hands it over to the archive at once, under a claim taken in the same write. Emits the ended session and whether
     * it is archived; if the archive is unreachable the session stays in Redis, due, and the sweeper hands it over.
     */
    public Uni<Ended> end(String userId, String sessionId, SessionStatus end) {
        Instant claim = times.claimUntil(times.now());
        return change(userId, sessionId, session -> session.ended(end, times.now()), claim)
                .chain(ended -> archiver.archive(ended, claim).map(archived -> new Ended(ended, archived)));
    }

    /** An ended session, and whether the archive has it yet. */
    public record Ended(SessionDocument session, boolean archived) {
    }

    private Uni<SessionDocument> owned(String userId, String sessionId) {
        if (!sessionId.matches(SessionLimits.SESSION_ID)) {
            return Uni.createFrom().failure(notFound(sessionId));
        }
        return store.read(sessionId).map(found -> found.filter(session -> session.userId().equals(userId))
                .orElseThrow(() -> notFound(sessionId)));
    }

    private Uni<SessionDocument> change(String userId, String sessionId,
            Function<SessionDocument, SessionDocument> change) {
        return change(userId, sessionId, change, null);
    }

    /** {@code claim} null: an active session's write (due at its new deadline); else the claim's end. */
    private Uni<SessionDocument> change(String userId, String sessionId,
            Function<SessionDocument, SessionDocument> change, Instant claim) {
        return attempt(userId, sessionId, change, claim, 1);
    }

    private Uni<SessionDocument> attempt(String userId, String sessionId,
            Function<SessionDocument, SessionDocument> change, Instant claim, int attempt) {
        return owned(userId, sessionId).chain(current -> {
            if (!current.isActive()) {
                throw ProblemException.conflict("session " + sessionId + " is " + current.status()
                        + " and takes no more changes");
            }
            SessionDocument next = change.apply(current);
            Instant due = claim != null ? claim : times.archiveDeadline(next.lastActivityAt());
            return store.replace(next, due).chain(written -> switch (written) {
                case DONE -> Uni.createFrom().item(next);
                case GONE, USER_FULL -> Uni.createFrom().failure(notFound(sessionId));
                case STALE -> {
                    if (attempt >= MAX_ATTEMPTS) {
                        throw ProblemException.conflict("session " + sessionId
                                + " changed too often while this change was applied; nothing was applied");
                    }
                    yield attempt(userId, sessionId, change, claim, attempt + 1);
                }
            });
        });
    }

    private static ProblemException notFound(String sessionId) {
        return ProblemException.notFound("session " + sessionId);
    }
}
