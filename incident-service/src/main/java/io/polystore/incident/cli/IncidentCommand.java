package io.polystore.incident.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.incident.apikey.ApiKeyRepository;
import io.polystore.incident.incident.CreateIncidentRequest;
import io.polystore.incident.incident.IncidentPage;
import io.polystore.incident.incident.IncidentService;
import io.polystore.incident.incident.IncidentStatus;
import io.polystore.incident.incident.IncidentView;
import io.polystore.incident.incident.Severity;
import io.polystore.incident.incident.UpdateIncidentRequest;
import io.polystore.incident.user.UserRepository;
import io.polystore.incident.user.UserService;
import io.polystore.ops.CliException;
import io.polystore.ops.OpsCommand;
import io.polystore.ops.Table;
import io.quarkus.hibernate.reactive.panache.Panache;
import jakarta.validation.Validator;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "incident", description = "Incidents of every user (the ops command line is not limited to one owner).", synopsisSubcommandLabel = "COMMAND", subcommands = {
        IncidentCommand.Create.class, IncidentCommand.ListIncidents.class,
        IncidentCommand.Update.class})
public class IncidentCommand {

    @Command(name = "create", description = {
            "File an incident. Without --user-id it belongs to the system user (" + UserService.SYSTEM_EMAIL
                    + "), created if missing, as for automated reports.",
            "A --key-id must be an active API key of that user: it is recorded as the reporter."})
    static class Create extends OpsCommand {

        @Option(names = "--user-id", paramLabel = "ID", description = "The owner (default: the system user).")
        Long userId;

        @Option(names = "--key-id", paramLabel = "KEY_ID", description = "The reporting API key, one of the owner's.")
        Long keyId;

        @Option(names = "--title", paramLabel = "TITLE", required = true)
        String title;

        @Option(names = "--description", paramLabel = "TEXT")
        String description;

        @Option(names = "--severity", paramLabel = "SEVERITY", required = true, converter = Inputs.SeverityConverter.class, completionCandidates = Inputs.SeverityConverter.class, description = "One of: ${COMPLETION-CANDIDATES}.")
        Severity severity;

        private final IncidentService incidents;
        private final UserService userService;
        private final UserRepository users;
        private final ApiKeyRepository keys;
        private final Validator validator;

        Create(IncidentService incidents, UserService userService, UserRepository users, ApiKeyRepository keys,
                Validator validator, ObjectMapper mapper) {
            super(mapper);
            this.incidents = incidents;
            this.userService = userService;
            this.users = users;
            this.keys = keys;
            this.validator = validator;
        }

        @Override
        protected void execute() {
            CreateIncidentRequest request = new CreateIncidentRequest(title, description, severity);
            Inputs.validate(validator, request,
                    Map.of("title", "--title", "description", "--description", "severity", "--severity"));
            long owner;
            if (userId == null) {
                owner = await(userService::createSystemUser).id();
            } else {
                owner = userId;
                UserCommand.requireUser(users, owner);
            }
            if (keyId != null) {
                boolean active = await(() -> Panache.withSession(() -> keys.activeOwned(keyId, owner))) != null;
                if (!active) {
                    throw CliException.notFound("api key " + keyId + " is not an active key of user " + owner);
                }
            }
            IncidentView created = await(() -> incidents.create(owner, keyId, request));
            print(created, out -> line(out, "Created", created));
        }
    }

    @Command(name = "list", description = "List incidents, newest first, optionally of one user or in one state.")
    static class ListIncidents extends OpsCommand {

        @Option(names = "--user-id", paramLabel = "ID", description = "Only this user's incidents.")
        Long userId;

        @Option(names = "--status", paramLabel = "STATUS", converter = Inputs.StatusConverter.class, completionCandidates = Inputs.StatusConverter.class, description = "One of: ${COMPLETION-CANDIDATES}.")
        IncidentStatus status;

        @Option(names = "--severity", paramLabel = "SEVERITY", converter = Inputs.SeverityConverter.class, completionCandidates = Inputs.SeverityConverter.class, description = "One of: ${COMPLETION-CANDIDATES}.")
        Severity severity;

        @Option(names = "--limit", paramLabel = "N", defaultValue = ""
                + IncidentService.DEFAULT_LIMIT, description = "At most N incidents, 1 to " + IncidentService.MAX_LIMIT
                        + " (default: ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--cursor", paramLabel = "CURSOR", description = "The next page, as the previous page named it.")
        String cursor;

        private final IncidentService incidents;
        private final UserRepository users;

        ListIncidents(IncidentService incidents, UserRepository users, ObjectMapper mapper) {
            super(mapper);
            this.incidents = incidents;
            this.users = users;
        }

        @Override
        protected void execute() {
            if (limit < 1 || limit > IncidentService.MAX_LIMIT) {
                throw CliException.usage("--limit must be from 1 to " + IncidentService.MAX_LIMIT);
            }
            if (userId != null) {
                UserCommand.requireUser(users, userId);
            }
            IncidentPage page = await(() -> incidents.list(userId, status, severity, cursor, limit));
            print(page, out -> {
                Table table = new Table("ID", "STATUS", "SEVERITY", "OWNER", "KEY", "CREATED", "TITLE");
                page.items().forEach(i -> table.row(i.id(), i.status().value(), i.severity().value(),
                        i.ownerUserId(), i.reporterKeyId(), OpsCommand.time(i.createdAt()), i.title()));
                table.print(out, "No incidents.");
                if (page.nextCursor() != null) {
                    out.println("More: --cursor " + page.nextCursor());
                }
            });
        }
    }

    @Command(name = "update", description = {
            "Change an incident's status and/or severity. Work moves forward (open -> investigating -> resolved -> "
                    + "closed, skipping allowed); going back always passes through open. A change the rules do not "
                    + "allow is a conflict (exit code 4) and names the allowed statuses."})
    static class Update extends OpsCommand {

        @Parameters(index = "0", paramLabel = "ID", description = "The incident.")
        long id;

        @Option(names = "--status", paramLabel = "STATUS", converter = Inputs.StatusConverter.class, completionCandidates = Inputs.StatusConverter.class, description = "One of: ${COMPLETION-CANDIDATES}.")
        IncidentStatus status;

        @Option(names = "--severity", paramLabel = "SEVERITY", converter = Inputs.SeverityConverter.class, completionCandidates = Inputs.SeverityConverter.class, description = "One of: ${COMPLETION-CANDIDATES}.")
        Severity severity;

        private final IncidentService incidents;

        Update(IncidentService incidents, ObjectMapper mapper) {
            super(mapper);
            this.incidents = incidents;
        }

        @Override
        protected void execute() {
            if (status == null && severity == null) {
                throw CliException.usage("give at least one of --status, --severity");
            }
            IncidentView updated = await(() -> incidents.update(id, null, new UpdateIncidentRequest(status, severity)));
            print(updated, out -> line(out, "Updated", updated));
        }
    }

    static void line(PrintWriter out, String what, IncidentView incident) {
        out.printf(Locale.ROOT, "%s incident %d [%s, %s] of user %d: %s%n", what, incident.id(),
                incident.status().value(),
                incident.severity().value(), incident.ownerUserId(), incident.title());
    }
}
