package io.polystore.session.catalog;

import io.polystore.rest.identity.Scopes;
import io.polystore.rest.problem.Problem;
import io.polystore.rest.problem.ProblemException;
import io.polystore.rest.store.StoreUnavailableException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Asks catalog-service whether a GIN names a product of the selected type, as the caller: the caller's gateway token is
 * passed on, so catalog-service applies the caller's own scope ({@code catalog}). Unknown GIN, or a product of another
 * type: 422. The caller's key lacks {@code catalog}: 403 naming it. catalog-service down, slow (past 3 s) or failing:
 * 503 with {@code Retry-After}, and the session is not written.
 */
@ApplicationScoped
public class ProductCheck {

    static final Duration DEADLINE = Duration.ofSeconds(3);
    static final String CATALOG = "catalog-service";

    private final CatalogClient catalog;

    ProductCheck(@RestClient CatalogClient catalog) {
        this.catalog = catalog;
    }

    public Uni<CatalogProduct> product(String gin, String productType, String authorization) {
        return catalog.product(gin, authorization)
                .ifNoItem().after(DEADLINE).failWith(() -> new StoreUnavailableException(CATALOG,
                        "catalog-service did not answer within " + DEADLINE))
                .onFailure(failure -> !(failure instanceof StoreUnavailableException))
                .transform(ProductCheck::answer)
                .map(product -> {
                    if (!productType.equals(product.type())) {
                        throw unprocessable("gin", "is a " + product.type() + ", not a " + productType);
                    }
                    return product;
                });
    }

    private static RuntimeException answer(Throwable failure) {
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status == 404) {
                return unprocessable("gin", "names no product of the catalog");
            }
            if (status == 401 || status == 403) {
                return ProblemException.forbidden(Scopes.CATALOG);
            }
        }
        return new StoreUnavailableException(CATALOG, "catalog-service could not check the GIN", failure);
    }

    private static ProblemException unprocessable(String field, String message) {
        return new ProblemException(new Problem("about:blank", "Unprocessable Content", 422, field + ": " + message,
                null, List.of(new Problem.FieldError(field, message)), Map.of()));
    }
}
