package io.polystore.mandate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.mandate.audit.Actor;
import io.polystore.mandate.mandate.MandateFilter;
import io.polystore.mandate.mandate.MandatePage;
import io.polystore.mandate.mandate.MandateService;
import io.polystore.mandate.mandate.MandateStatus;
import io.polystore.mandate.mandate.MandateView;
import io.polystore.mandate.store.Cursors;
import io.polystore.mandate.store.Queries;
import io.polystore.ops.CliException;
import io.polystore.ops.OpsCommand;
import io.polystore.ops.Table;
import io.polystore.rest.json.ApiEnum;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "mandate", description = "One tenant's mandates (the tenant is the platform user id).", synopsisSubcommandLabel = "COMMAND", subcommands = {
        MandateCommand.ListMandates.class, MandateCommand.Show.class})
public class MandateCommand {

    @Command(name = "list", description = "The tenant's mandates, newest first (deleted ones with --include-deleted).")
    static class ListMandates extends OpsCommand {

        @Option(names = "--tenant", paramLabel = "TENANT", required = true, description = "The tenant (user id).")
        String tenant;

        @Option(names = "--status", paramLabel = "STATUS", description = "active, suspended, revoked, expired or deleted.")
        String status;

        @Option(names = "--include-deleted", description = "Include deleted mandates.")
        boolean includeDeleted;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Page size, 1 to 500 (default ${DEFAULT-VALUE}).")
        String limit;

        @Option(names = "--cursor", paramLabel = "CURSOR", description = "The previous page's nextCursor.")
        String cursor;

        private final MandateService mandates;

        ListMandates(MandateService mandates, ObjectMapper mapper) {
            super(mapper);
            this.mandates = mandates;
        }

        @Override
        protected void execute() {
            MandateStatus wanted = status == null
                    ? null
                    : ApiEnum.fromQuery(MandateStatus.class, MandateStatus::value, "--status", status);
            MandateFilter filter = new MandateFilter(tenant, wanted, null, null, null, null, includeDeleted,
                    Cursors.uuid(cursor), Queries.limit(limit));
            MandatePage page = await(() -> mandates.list(filter));
            print(page, out -> {
                Table table = new Table("ID", "STATUS", "VERIFICATION", "ISSUER", "EXPIRES");
                page.items().forEach(m -> table.row(m.id(), m.status().value(), m.verificationStatus().value(),
                        m.issuerDid(), OpsCommand.time(m.expiresAt())));
                table.print(out, "No mandates.");
                if (page.nextCursor() != null) {
                    out.println("More: --cursor " + page.nextCursor());
                }
            });
        }
    }

    @Command(name = "show", description = "One of the tenant's mandates (audited as a READ by ops-cli).")
    static class Show extends OpsCommand {

        @Option(names = "--tenant", paramLabel = "TENANT", required = true, description = "The tenant (user id).")
        String tenant;

        @Parameters(paramLabel = "ID", description = "The mandate's id (UUID).")
        String id;

        private final MandateService mandates;

        Show(MandateService mandates, ObjectMapper mapper) {
            super(mapper);
            this.mandates = mandates;
        }

        @Override
        protected void execute() {
            UUID mandateId;
            try {
                mandateId = Queries.uuid("ID", id);
            } catch (RuntimeException e) {
                throw CliException.usage("ID must be a UUID");
            }
            MandateView mandate = await(() -> mandates.get(Actor.operator(tenant), mandateId, true));
            print(mandate, out -> {
                out.println("Mandate " + mandate.id() + " (" + mandate.status().value() + ")");
                out.println("  issuer:       " + mandate.issuerDid());
                out.println("  subject:      " + mandate.subjectDid());
                out.println("  scope:        " + mandate.scope());
                out.println("  amount limit: " + mandate.amountLimit());
                out.println("  expires:      " + OpsCommand.time(mandate.expiresAt()));
                out.println("  verification: " + mandate.verificationStatus().value()
                        + (mandate.verificationReason() == null ? "" : " (" + mandate.verificationReason() + ")"));
                out.println("  retention:    " + mandate.retentionDays() + " days after deletion");
                out.println("  deleted:      " + OpsCommand.time(mandate.deletedAt()));
            });
        }
    }
}
