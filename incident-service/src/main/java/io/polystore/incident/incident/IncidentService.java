package io.polystore.incident.incident;

import io.polystore.rest.problem.Problem;
import io.polystore.rest.problem.ProblemException;
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

    IncidentService(IncidentRepository incidents) {
        this.incidents = incidents;
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
        return incidents.page(filter).map(rows -> {
            boolean more = rows.size() > limit;
            List<IncidentView> items = rows.stream().limit(limit).map(IncidentView::of).toList();
            return new IncidentPage(items, more ? Cursor.after(items.get(items.size() - 1).id()) : null);
        });
    }

    /** Someone else's incident is "not found", never "forbidden": its existence is not confirmed. */
    @WithSession
    public Uni<IncidentView> get(long id, long ownerUserId) {
        return incidents.findOwned(id, ownerUserId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("incident " + id))
                .map(IncidentView::of);
    }

    /**
     * @param ownerUserId
     *            null for the ops command line, which may update any incident
     */
    @WithTransaction
    public Uni<IncidentView> update(long id, Long ownerUserId, UpdateIncidentRequest change) {
        Uni<Incident> found = ownerUserId == null ? incidents.findById(id) : incidents.findOwned(id, ownerUserId);
        return found.onItem().ifNull().failWith(() -> ProblemException.notFound("incident " + id))
                .map(incident -> apply(incident, change))
                // flush now so the answer carries the updated_at the row will have
                .call(incidents::flush)
                .map(IncidentView::of);
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
