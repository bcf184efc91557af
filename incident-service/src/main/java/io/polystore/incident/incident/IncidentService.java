package io.polystore.incident.incident;

import io.polystore.rest.concurrency.ConcurrentChange;
import io.polystore.rest.concurrency.IfMatch;
import io.polystore.incident.health.MySqlReadinessCheck;
import io.polystore.rest.problem.Problem;
import io.polystore.rest.problem.ProblemException;
import io.polystore.rest.store.StoreCalls;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;

@ApplicationScoped
public class IncidentService {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private final IncidentRepository incidents;
    private final StoreCalls calls;

    IncidentService(IncidentRepository incidents, StoreCalls calls) {
        this.incidents = incidents;
        this.calls = calls;
    }

    /** Files an incident owned by {@code ownerUserId}; {@code reporterKeyId} is null when no key reported it. */
    @WithTransaction
    public Uni<IncidentView> create(long ownerUserId, Long reporterKeyId, CreateIncidentRequest request) {
        Incident incident = new Incident();
        incident.title = request.title().strip();
        incident.description = request.description() == null ? "" : request.description();
        incident.severity = request.severity();
        incident.status = IncidentStatus.OPEN;
        incident.ownerUserId = ownerUserId;
        incident.reporterKeyId = reporterKeyId;
        return incidents.persist(incident).map(IncidentView::of);
    }

    @WithSession
    public Uni<IncidentPage> list(Long ownerUserId, IncidentStatus status, Severity severity, String cursor,
            int limit) {
        IncidentFilter filter = new IncidentFilter(ownerUserId, status, severity, Cursor.parse(cursor), limit);
        return calls.bounded(MySqlReadinessCheck.NAME, () -> incidents.page(filter)).map(rows -> {
            boolean more = rows.size() > limit;
            List<IncidentView> items = rows.stream().limit(limit).map(IncidentView::of).toList();
            return new IncidentPage(items, more ? Cursor.after(items.get(items.size() - 1).id()) : null);
        });
    }

    /** Someone else's incident is "not found", never "forbidden": its existence is not confirmed. */
    @WithSession
    public Uni<IncidentView> get(long id, long ownerUserId) {
        return calls.bounded(MySqlReadinessCheck.NAME, () -> incidents.findOwned(id, ownerUserId))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("incident " + id))
                .map(IncidentView::of);
    }

    /** The ops command line's update: no precondition (a concurrent change is still a 409, never lost). */
    @WithTransaction
    public Uni<IncidentView> update(long id, Long ownerUserId, UpdateIncidentRequest change) {
        return update(id, ownerUserId, change, IfMatch.ABSENT);
    }

    /**
     * Changes status and/or severity, or nothing: the transition is checked against the version read, and the change is
     * written only if the row still has that version ({@code @Version}). So two concurrent changes never both apply (no
     * lost update, no transition checked against a stale status): the second fails with 409, or 412 if it named the
     * version it expected in {@code If-Match}.
     *
     * @param ownerUserId
     *            null for the ops command line, which may update any incident
     */
    @WithTransaction
    public Uni<IncidentView> update(long id, Long ownerUserId, UpdateIncidentRequest change, IfMatch ifMatch) {
        requireChange(change);
        String what = "incident " + id;
        Uni<Incident> found = ownerUserId == null ? incidents.findById(id) : incidents.findOwned(id, ownerUserId);
        return found.onItem().ifNull().failWith(() -> ProblemException.notFound(what))
                .invoke(incident -> ifMatch.require(incident.version, what))
                .map(incident -> apply(incident, change))
                // flush now: the versioned UPDATE runs here (a lost race fails here, inside the transaction), and the
                // answer carries the updated_at and version the row will have
                .call(incidents::flush)
                .map(IncidentView::of)
                .onFailure(ConcurrentChange::isLostRace).transform(ConcurrentChange.answer(ifMatch, what));
    }

    /** A PATCH must change something: 400 naming both fields otherwise. */
    static void requireChange(UpdateIncidentRequest change) {
        if (change.status() == null && change.severity() == null) {
            String message = "give at least one of status, severity";
            throw new ProblemException(Problem.invalid(message, List.of(new Problem.FieldError("status", message),
                    new Problem.FieldError("severity", message))));
        }
    }

    private static Incident apply(Incident incident, UpdateIncidentRequest change) {
        if (change.status() != null && !incident.status.canMoveTo(change.status())) {
            List<String> allowed = incident.status.allowedNext().stream().map(IncidentStatus::value).toList();
            throw new ProblemException(Problem.of(Response.Status.CONFLICT,
                    "status cannot change from " + incident.status.value() + " to " + change.status().value()
                            + "; allowed: " + String.join(", ", allowed))
                    .with("currentStatus", incident.status.value())
                    .with("allowed", allowed));
        }
        if (change.status() != null) {
            incident.status = change.status();
        }
        if (change.severity() != null) {
            incident.severity = change.severity();
        }
        return incident;
    }
}
