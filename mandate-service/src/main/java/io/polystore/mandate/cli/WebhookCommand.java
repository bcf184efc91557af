package io.polystore.mandate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.mandate.store.Cursors;
import io.polystore.mandate.store.Queries;
import io.polystore.mandate.webhook.DeliveryPage;
import io.polystore.mandate.webhook.WebhookService;
import io.polystore.ops.CliException;
import io.polystore.ops.OpsCommand;
import io.polystore.ops.Table;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "webhook", description = "Webhook deliveries, of one tenant (--tenant) or of all.", synopsisSubcommandLabel = "COMMAND", subcommands = {
        WebhookCommand.Deliveries.class, WebhookCommand.RetryFailed.class})
public class WebhookCommand {

    @Command(name = "deliveries", description = "Deliveries, newest first.")
    static class Deliveries extends OpsCommand {

        @Option(names = "--failed", description = "Only deliveries that gave up.")
        boolean failed;

        @Option(names = "--tenant", paramLabel = "TENANT", description = "Only this tenant's (user id).")
        String tenant;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Page size, 1 to 500 (default ${DEFAULT-VALUE}).")
        String limit;

        @Option(names = "--cursor", paramLabel = "CURSOR", description = "The previous page's nextCursor.")
        String cursor;

        private final WebhookService webhooks;

        Deliveries(WebhookService webhooks, ObjectMapper mapper) {
            super(mapper);
            this.webhooks = webhooks;
        }

        @Override
        protected void execute() {
            DeliveryPage page = await(() -> webhooks.page(tenant, null, failed, Cursors.uuid(cursor),
                    Queries.limit(limit)));
            print(page, out -> {
                Table table = new Table("ID", "WEBHOOK", "EVENT", "STATE", "ATTEMPTS", "STATUS", "LAST ERROR");
                page.items().forEach(d -> table.row(d.id(), d.webhookId(), d.eventType(), d.state(), d.attempts(),
                        d.statusCode() == null ? "-" : d.statusCode(), d.lastError() == null ? "-" : d.lastError()));
                table.print(out, failed ? "No failed deliveries." : "No deliveries.");
                if (page.nextCursor() != null) {
                    out.println("More: --cursor " + page.nextCursor());
                }
            });
        }
    }

    @Command(name = "retry-failed", description = "Queue failed deliveries of active webhooks again, from their first attempt.")
    static class RetryFailed extends OpsCommand {

        @Option(names = "--tenant", paramLabel = "TENANT", description = "Only this tenant's (user id).")
        String tenant;

        @Option(names = "--all-tenants", description = "Every tenant's failed deliveries (without --tenant, required).")
        boolean allTenants;

        private final WebhookService webhooks;

        RetryFailed(WebhookService webhooks, ObjectMapper mapper) {
            super(mapper);
            this.webhooks = webhooks;
        }

        /**
         * @param queued
         *            how many were queued again
         */
        public record Queued(String tenant, int queued) {
        }

        @Override
        protected void execute() {
            if ((tenant == null) == !allTenants) {
                throw CliException.usage("name one tenant (--tenant) or all of them (--all-tenants)");
            }
            int queued = await(() -> webhooks.retryFailed(tenant));
            Queued result = new Queued(tenant, queued);
            print(result, out -> out.printf(Locale.ROOT, "Queued %d failed deliver%s again%n", queued,
                    queued == 1 ? "y" : "ies"));
        }
    }
}
