package io.polystore.mandate.mandate;

import io.polystore.mandate.alert.AlertType;
import io.polystore.mandate.alert.Alerts;
import io.polystore.mandate.alert.Severity;
import io.polystore.mandate.webhook.Outbox;
import io.polystore.mandate.webhook.WebhookEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

/** What follows a mandate's change, in its transaction: webhook events (outbox rows) and alerts. */
@ApplicationScoped
public class MandateEvents {

    private final Outbox outbox;
    private final Alerts alerts;

    MandateEvents(Outbox outbox, Alerts alerts) {
        this.outbox = outbox;
        this.alerts = alerts;
    }

    public Uni<Void> publish(SqlClient client, WebhookEvent event, Mandate mandate) {
        return outbox.enqueue(client, mandate.tenantId(), event, mandate.id(), data(mandate));
    }

    /** An INVALID verification: the MANDATE_VERIFICATION_FAILED alert and the MandateVerificationFailed event. */
    public Uni<Void> verificationFailed(SqlClient client, Mandate mandate) {
        return alerts.raise(client, mandate.tenantId(), AlertType.MANDATE_VERIFICATION_FAILED, Severity.ERROR,
                "Mandate verification failed", mandate.describe() + " from " + mandate.issuerDid() + ": "
                        + mandate.verificationReason(),
                mandate.id(), null)
                .flatMap(raised -> publish(client, WebhookEvent.MANDATE_VERIFICATION_FAILED, mandate));
    }

    /** The event's {@code data}: the mandate without its credential. */
    static JsonObject data(Mandate mandate) {
        JsonObject data = new JsonObject().put("mandateId", mandate.id().toString())
                .put("status", mandate.status().value()).put("issuerDid", mandate.issuerDid())
                .put("subjectDid", mandate.subjectDid()).put("scope", mandate.scope())
                .put("verificationStatus", mandate.verificationStatus().value())
                .put("verificationReason", mandate.verificationReason())
                .put("expiresAt", mandate.expiresAt() == null ? null : mandate.expiresAt().toString());
        if (mandate.amountLimit() != null) {
            data.put("amountLimit", new JsonObject().put("amount", mandate.amountLimit().amount())
                    .put("currency", mandate.amountLimit().currency()));
        }
        if (mandate.customerId() != null) {
            data.put("customerId", mandate.customerId());
        }
        return data;
    }
}
