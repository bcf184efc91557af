package io.polystore.incident.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.incident.apikey.ApiKeyService;
import io.polystore.incident.apikey.ApiKeyView;
import io.polystore.incident.apikey.CreateApiKeyRequest;
import io.polystore.incident.apikey.IssuedApiKey;
import io.polystore.incident.user.UserRepository;
import io.polystore.ops.OpsCommand;
import io.polystore.ops.Table;
import jakarta.validation.Validator;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "api", description = {
        "A user's API keys. The secret is printed once, by create and regenerate, and never stored: only its hash is."}, synopsisSubcommandLabel = "COMMAND", subcommands = {
                ApiCommand.Create.class, ApiCommand.ListKeys.class, ApiCommand.Regenerate.class,
                ApiCommand.Delete.class})
public class ApiCommand {

    /** What {@code api delete} reports. */
    public record Revoked(long keyId, long userId, boolean revoked) {
    }

    @Command(name = "create", description = "Create an API key for a user and print its secret, once.")
    static class Create extends OpsCommand {

        @Option(names = "--user-id", paramLabel = "ID", required = true, description = "The key's owner.")
        long userId;

        @Option(names = "--name", paramLabel = "NAME", required = true, description = "What the key is for.")
        String name;

        private final ApiKeyService keys;
        private final Validator validator;

        Create(ApiKeyService keys, Validator validator, ObjectMapper mapper) {
            super(mapper);
            this.keys = keys;
            this.validator = validator;
        }

        @Override
        protected void execute() {
            Inputs.validate(validator, new CreateApiKeyRequest(name), Map.of("name", "--name"));
            IssuedApiKey issued = await(() -> keys.create(userId, name));
            print(issued, out -> printIssued(out, "Created", issued));
        }
    }

    @Command(name = "list", description = "List a user's active API keys (their prefixes, never their secrets).")
    static class ListKeys extends OpsCommand {

        @Option(names = "--user-id", paramLabel = "ID", required = true, description = "The keys' owner.")
        long userId;

        private final ApiKeyService keys;
        private final UserRepository users;

        ListKeys(ApiKeyService keys, UserRepository users, ObjectMapper mapper) {
            super(mapper);
            this.keys = keys;
            this.users = users;
        }

        @Override
        protected void execute() {
            UserCommand.requireUser(users, userId);
            List<ApiKeyView> active = await(() -> keys.list(userId));
            print(active, out -> {
                Table table = new Table("ID", "NAME", "PREFIX", "CREATED", "LAST USED");
                active.forEach(k -> table.row(k.id(), k.name(), k.prefix(), OpsCommand.time(k.createdAt()),
                        OpsCommand.time(k.lastUsedAt())));
                table.print(out, "User " + userId + " has no active API keys.");
            });
        }
    }

    @Command(name = "regenerate", description = {
            "Give a key a new secret (and prefix) and print it, once. The old secret stops working at once."})
    static class Regenerate extends OpsCommand {

        @Parameters(index = "0", paramLabel = "KEY_ID", description = "The key to regenerate.")
        long keyId;

        @Option(names = "--user-id", paramLabel = "ID", required = true, description = "The key's owner.")
        long userId;

        private final ApiKeyService keys;

        Regenerate(ApiKeyService keys, ObjectMapper mapper) {
            super(mapper);
            this.keys = keys;
        }

        @Override
        protected void execute() {
            IssuedApiKey issued = await(() -> keys.regenerate(keyId, userId));
            print(issued, out -> printIssued(out, "Regenerated", issued));
        }
    }

    @Command(name = "delete", description = {
            "Revoke a key: it stops working at once and leaves the list; incidents it reported keep it as reporter."})
    static class Delete extends OpsCommand {

        @Parameters(index = "0", paramLabel = "KEY_ID", description = "The key to revoke.")
        long keyId;

        @Option(names = "--user-id", paramLabel = "ID", required = true, description = "The key's owner.")
        long userId;

        private final ApiKeyService keys;

        Delete(ApiKeyService keys, ObjectMapper mapper) {
            super(mapper);
            this.keys = keys;
        }

        @Override
        protected void execute() {
            await(() -> keys.revoke(keyId, userId));
            Revoked revoked = new Revoked(keyId, userId, true);
            print(revoked, out -> out.printf("Revoked API key %d of user %d%n", keyId, userId));
        }
    }

    private static void printIssued(PrintWriter out, String what, IssuedApiKey issued) {
        out.printf("%s API key %d \"%s\" for user %d (prefix %s). Store the key now; it is not shown again:%n", what,
                issued.keyId(), issued.name(), issued.userId(), issued.prefix());
        out.println(issued.apiKey());
    }
}
