package io.polystore.payment.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.ops.CliException;
import io.polystore.ops.OpsCommand;
import io.polystore.payment.audit.AuditEntry;
import io.polystore.payment.audit.AuditRepository;
import io.vertx.mutiny.sqlclient.Pool;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "audit", description = "The audit trail (audit_log).", synopsisSubcommandLabel = "COMMAND", subcommands = {
        AuditCommand.Export.class})
public class AuditCommand {

    @Command(name = "export", description = {
            "Every audit row created at or after --since, oldest first, as JSON lines on stdout (one object per "
                    + "line, with or without --json)."})
    static class Export extends OpsCommand {

        private static final int BATCH = 1000;

        @Option(names = "--since", paramLabel = "TIME", required = true, description = "ISO-8601 instant, e.g. 2026-01-31T00:00:00Z.")
        String since;

        private final AuditRepository audit;
        private final Pool pool;
        private final ObjectMapper mapper;

        Export(AuditRepository audit, Pool pool, ObjectMapper mapper) {
            super(mapper);
            this.audit = audit;
            this.pool = pool;
            this.mapper = mapper;
        }

        @Override
        protected void execute() {
            Instant from;
            try {
                from = Instant.parse(since);
            } catch (DateTimeParseException e) {
                throw CliException.usage("--since must be an ISO-8601 instant such as 2026-01-31T00:00:00Z");
            }
            long after = 0;
            List<AuditEntry> batch;
            do {
                long last = after;
                batch = await(() -> audit.since(pool, from, last, BATCH));
                for (AuditEntry entry : batch) {
                    try {
                        out().println(mapper.writeValueAsString(entry));
                    } catch (JsonProcessingException e) {
                        throw new UncheckedIOException(e);
                    }
                    after = entry.id();
                }
            } while (batch.size() == BATCH);
        }
    }
}
