package io.polystore.incident.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.incident.apikey.ApiKeyService;
import io.polystore.incident.apikey.ApiKeyView;
import io.polystore.incident.apikey.CreateApiKeyRequest;
import io.polystore.incident.apikey.IssuedApiKey;
import io.polystore.incident.user.UserRepository;
import io.polystore.ops.OpsCommand;
import io.polystore.ops.Table;
import io.polystore.rest.identity.Scopes;
import jakarta.validation.Validator;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "api", description = {
        "A user's API keys. The secret is printed once, by create and regenerate, and never stored: only its hash is."}, synopsisSubcommandLabel = "COMMAND", subcommands = {
                ApiCommand.Create.class, ApiCommand.ListKeys.class, ApiCommand.Regenerate.class,
                ApiCommand.Delete.class})
public class ApiCommand {

    /** What {@code api delete} reports: the key, and the keys it had created (revoked with it). */
    public record Revoked(long keyId, long userId, boolean revoked, List<Long> descendantsRevoked) {
    }

    @Command(name = "create", description = {
            "Create an API key for a user and print its secret, once.",
            "Without --scope the key gets every data scope but not " + Scopes.KEYS_MANAGE
                    + ", which lets a key manage the user's keys through REST: name it to give it.",
            "A user has at most API_KEYS_MAX_ACTIVE active keys; one more is a conflict (exit code 4)."})
    static class Create extends OpsCommand {

        @Option(names = "--user-id", paramLabel = "ID", required = true, description = "The key's owner.")
        long userId;

        @Option(names = "--name", paramLabel = "NAME", required = true, description = "What the key is for.")
        String name;

        @Option(names = "--scope", paramLabel = "SCOPE", converter = Inputs.ScopeConverter.class, completionCandidates = Inputs.ScopeConverter.class, description = "What the key may do; repeat for more. One of: ${COMPLETION-CANDIDATES}.")
        List<String> scopes;

        private final ApiKeyService keys;
        private final Validator validator;

        Create(ApiKeyService keys, Validator validator, ObjectMapper mapper) {
            super(mapper);
            this.keys = keys;
            this.validator = validator;
        }

        @Override
        protected void execute() {
            Inputs.validate(validator, new CreateApiKeyRequest(name, scopes), Map.of("name", "--name"));
            Set<String> granted = new LinkedHashSet<>(scopes == null || scopes.isEmpty() ? Scopes.DATA : scopes);
            IssuedApiKey issued = await(() -> keys.create(userId, name, granted));
            print(issued, out -> printIssued(out, "Created", issued));
        }
    }

    @Command(name = "list", description = "List a user's active API keys (their prefixes and scopes, never their secrets).")
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
                Table table = new Table("ID", "NAME", "PREFIX", "SCOPES", "PARENT", "CREATED", "LAST USED");
                active.forEach(k -> table.row(k.id(), k.name(), k.prefix(), String.join(" ", k.scopes()),
                        k.parentKeyId() == null ? "-" : k.parentKeyId(), OpsCommand.time(k.createdAt()),
                        OpsCommand.time(k.lastUsedAt())));
                table.print(out, "User " + userId + " has no active API keys.");
            });
        }
    }

    @Command(name = "regenerate", description = {
            "Give a key a new secret (and prefix) and print it, once. Scopes and the keys it created stay. Every "
                    + "gateway refuses the old secret within 5 s (the longest it remembers a verification)."})
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

    @Command(name = "delete", aliases = "revoke", description = {
            "Revoke a key, and with it every key it created through REST, transitively. Every gateway refuses them "
                    + "within 5 s; they leave the list; incidents they reported keep them as reporter."})
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
            List<Long> descendants = await(() -> keys.revoke(keyId, userId));
            Revoked revoked = new Revoked(keyId, userId, true, descendants);
            print(revoked, out -> out.printf(Locale.ROOT, "Revoked API key %d of user %d%s%n", keyId, userId,
                    descendants.isEmpty()
                            ? ""
                            : " and the keys it created: " + descendants.stream()
                                    .map(String::valueOf).collect(Collectors.joining(", "))));
        }
    }

    private static void printIssued(PrintWriter out, String what, IssuedApiKey issued) {
        out.printf(Locale.ROOT,
                "%s API key %d \"%s\" for user %d (prefix %s, scopes %s). Store the key now; it is not shown "
                        + "again:%n",
                what, issued.keyId(), issued.name(), issued.userId(), issued.prefix(),
                String.join(" ", issued.scopes()));
        out.println(issued.apiKey());
    }
}
