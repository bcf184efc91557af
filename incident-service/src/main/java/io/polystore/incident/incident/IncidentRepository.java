package io.polystore.incident.incident;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class IncidentRepository implements PanacheRepository<Incident> {

    public Uni<Incident> findOwned(long id, long ownerUserId) {
        return find("id = :id and ownerUserId = :owner", Parameters.with("id", id).and("owner", ownerUserId))
                .firstResult();
    }

    /**
     * Keyset page on the id (newest first): every condition is a bind parameter and each combination is served by an
     * index that starts with the owner and ends with the id. Fetches {@code limit + 1} rows to know whether a next page
     * exists.
     */
    public Uni<List<Incident>> page(IncidentFilter filter) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (filter.ownerUserId() != null) {
            query.append(" and ownerUserId = :owner");
            parameters.and("owner", filter.ownerUserId());
        }
        if (filter.status() != null) {
            query.append(" and status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.severity() != null) {
            query.append(" and severity = :severity");
            parameters.and("severity", filter.severity());
        }
        if (filter.beforeId() != null) {
            query.append(" and id < :before");
            parameters.and("before", filter.beforeId());
        }
        query.append(" order by id desc");
        return find(query.toString(), parameters).range(0, filter.limit()).list();
    }
}
