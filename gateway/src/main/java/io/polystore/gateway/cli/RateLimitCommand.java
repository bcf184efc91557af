package io.polystore.gateway.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.gateway.auth.ApiKeys;
import io.polystore.gateway.auth.Identity;
import io.polystore.gateway.config.GatewayConfig;
import io.polystore.gateway.ratelimit.RateLimitKeys;
import io.polystore.gateway.auth.KeyVerifier;
import io.polystore.gateway.ratelimit.RateLimitStore;
import io.polystore.gateway.ratelimit.RateLimitStore.CurrentWindow;
import io.polystore.gateway.ratelimit.RateLimitStore.CustomLimit;
import io.polystore.gateway.ratelimit.RateLimitStore.Limits;
import io.polystore.ops.CliException;
import io.polystore.ops.OpsCommand;
import io.polystore.ops.Table;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ratelimit", description = {
        "Per-key rate limits in the gateway's Redis. A key is named by its numeric key id (incident-service's "
                + "'api list' shows it), or by the API key itself read from stdin ('-' or --key-stdin; resolved to its "
                + "key id through incident-service, never printed or stored). An API key is never taken as an "
                + "argument: arguments show in ps and shell history.",
        "A change takes effect with the key's next request, on every gateway."}, synopsisSubcommandLabel = "COMMAND", subcommands = {
                RateLimitCommand.SetLimit.class, RateLimitCommand.GetLimit.class, RateLimitCommand.ResetWindow.class,
                RateLimitCommand.ListLimits.class, RateLimitCommand.UnsetLimit.class})
public class RateLimitCommand {

    static final String KEY_LABEL = "KEY_ID|-";
    /** The argument that means "read the API key from stdin". */
    static final String STDIN = "-";
    static final long MAX_REQUESTS = 1_000_000_000L;
    static final long MAX_WINDOW = 366L * 24 * 3600;

    /** What {@code ratelimit reset} reports: the window that was cleared, or null if none was open. */
    public record Cleared(long keyId, boolean cleared, CurrentWindow windowBefore) {
    }

    /** What {@code ratelimit unset} reports. */
    public record Removed(long keyId, boolean removed, long defaultRequests, long defaultWindow) {
    }

    /** What {@code ratelimit list} reports. */
    public record Listing(long defaultRequests, long defaultWindow, List<CustomLimit> custom) {
    }

    /** A command about one key, named by its key id or by the API key read from stdin. */
    abstract static class KeyedCommand extends OpsCommand {

        @Parameters(index = "0", arity = "0..1", paramLabel = KEY_LABEL, description = {
                "The key id, or '-' to read the API key from stdin (one line; typed without echo on a terminal)."})
        String key;

        @Option(names = "--key-stdin", description = "Read the API key from stdin, as '-' does.")
        boolean keyStdin;

        @Option(names = "--user-id", paramLabel = "USER_ID", description = {
                "With RATE_LIMIT_SCOPE=user and a key id: the key's user, whose window it counts in (an API key "
                        + "read from stdin names its user itself)."})
        Long userId;

        final RateLimitStore store;
        private final KeyVerifier verifier;
        private Identity resolved;

        KeyedCommand(RateLimitStore store, KeyVerifier verifier, ObjectMapper mapper) {
            super(mapper);
            this.store = store;
            this.verifier = verifier;
        }

        long keyId() {
            boolean fromStdin = keyStdin || STDIN.equals(key);
            if (keyStdin && key != null && !STDIN.equals(key)) {
                throw CliException.usage("give either a key id or --key-stdin, not both");
            }
            if (fromStdin) {
                resolved = RateLimitCommand.resolve(ApiKeyInput.read(), verifier);
                return resolved.keyId();
            }
            if (key == null) {
                throw CliException.usage("name the key: its key id, or '-' to read the API key from stdin");
            }
            return RateLimitCommand.keyId(key);
        }

        /** The window the key's requests count in: its own, or with RATE_LIMIT_SCOPE=user its user's. */
        String windowSubject(long keyId) {
            if (store.scope() == GatewayConfig.Scope.KEY) {
                return RateLimitKeys.windowSubject(keyId, 0, GatewayConfig.Scope.KEY);
            }
            long user;
            if (resolved != null) {
                user = resolved.userId();
            } else if (userId != null && userId >= 0) {
                user = userId;
            } else {
                throw CliException.usage("with RATE_LIMIT_SCOPE=user windows are per user: give --user-id, or the API "
                        + "key on stdin ('-') so its user can be found");
            }
            return RateLimitKeys.windowSubject(keyId, user, GatewayConfig.Scope.USER);
        }
    }

    @Command(name = "set", description = {
            "Give a key its own limit: --requests per --window seconds (0 requests blocks the key). Replaces an earlier "
                    + "custom limit; the count of the current window is kept."})
    static class SetLimit extends KeyedCommand {

        @Option(names = "--requests", paramLabel = "N", required = true, description = "Requests per window.")
        long requests;

        @Option(names = "--window", paramLabel = "SECONDS", required = true, description = "Window length.")
        long window;

        SetLimit(RateLimitStore store, KeyVerifier verifier, ObjectMapper mapper) {
            super(store, verifier, mapper);
        }

        @Override
        protected void execute() {
            if (requests < 0 || requests > MAX_REQUESTS) {
                throw CliException.usage("invalid value for --requests: must be between 0 and " + MAX_REQUESTS);
            }
            if (window < 1 || window > MAX_WINDOW) {
                throw CliException.usage("invalid value for --window: must be between 1 and " + MAX_WINDOW
                        + " seconds");
            }
            long keyId = keyId();
            store.setCustom(keyId, requests, window);
            Limits limits = store.limits(keyId, windowSubject(keyId));
            print(limits, out -> {
                out.printf(Locale.ROOT, "Key %d: custom limit set; it applies from the key's next request.%n", keyId);
                describe(out, limits);
            });
        }
    }

    @Command(name = "get", description = "Show a key's limit (custom or default) and its current window.")
    static class GetLimit extends KeyedCommand {

        GetLimit(RateLimitStore store, KeyVerifier verifier, ObjectMapper mapper) {
            super(store, verifier, mapper);
        }

        @Override
        protected void execute() {
            long keyId = keyId();
            Limits limits = store.limits(keyId, windowSubject(keyId));
            print(limits, out -> describe(out, limits));
        }
    }

    @Command(name = "reset", description = {
            "Clear the count of a key's current window: its next request starts a new window with the full "
                    + "allowance. The limit itself is unchanged."})
    static class ResetWindow extends KeyedCommand {

        ResetWindow(RateLimitStore store, KeyVerifier verifier, ObjectMapper mapper) {
            super(store, verifier, mapper);
        }

        @Override
        protected void execute() {
            long keyId = keyId();
            CurrentWindow before = store.resetWindow(keyId, windowSubject(keyId));
            Cleared cleared = new Cleared(keyId, before != null, before);
            print(cleared, out -> {
                if (before == null) {
                    out.printf(Locale.ROOT, "Key %d had no open window; its next request starts one.%n", keyId);
                } else {
                    out.printf(Locale.ROOT,
                            "Key %d: window cleared (%d request(s) had been counted); its next request starts a "
                                    + "new window.%n",
                            keyId, before.used());
                }
            });
        }
    }

    @Command(name = "list", description = "List the keys with a custom limit.")
    static class ListLimits extends OpsCommand {

        private final RateLimitStore store;

        ListLimits(RateLimitStore store, ObjectMapper mapper) {
            super(mapper);
            this.store = store;
        }

        @Override
        protected void execute() {
            Listing listing = new Listing(store.defaultRequests(), store.defaultWindow(), store.customLimits());
            print(listing, out -> {
                Table table = new Table("KEY ID", "REQUESTS", "WINDOW (S)");
                listing.custom().forEach(limit -> table.row(limit.keyId(), limit.requests(), limit.window()));
                table.print(out, "No custom limits.");
                out.printf(Locale.ROOT, "Every other key: %d requests per %d s (default).%n", listing.defaultRequests(),
                        listing.defaultWindow());
            });
        }
    }

    @Command(name = "unset", description = "Remove a key's custom limit: the defaults apply from its next request.")
    static class UnsetLimit extends KeyedCommand {

        UnsetLimit(RateLimitStore store, KeyVerifier verifier, ObjectMapper mapper) {
            super(store, verifier, mapper);
        }

        @Override
        protected void execute() {
            long keyId = keyId();
            Removed removed = new Removed(keyId, store.removeCustom(keyId), store.defaultRequests(),
                    store.defaultWindow());
            print(removed, out -> out.printf(Locale.ROOT, removed.removed()
                    ? "Key %d: custom limit removed; the default applies (%d requests per %d s).%n"
                    : "Key %d had no custom limit; it has the default (%d requests per %d s).%n", keyId,
                    removed.defaultRequests(), removed.defaultWindow()));
        }
    }

    static void describe(PrintWriter out, Limits limits) {
        out.printf(Locale.ROOT, "Key %d: %d requests per %d s (%s; default %d per %d s)%n", limits.keyId(),
                limits.requests(),
                limits.window(), limits.custom() ? "custom limit" : "default limit", limits.defaultRequests(),
                limits.defaultWindow());
        CurrentWindow current = limits.current();
        if (current == null) {
            out.println("No open window: the key's next request starts one.");
        } else {
            out.printf(Locale.ROOT, "Current window: %d used, %d left, resets at %s (epoch %d)%n", current.used(),
                    current.remaining(), OpsCommand.time(Instant.ofEpochSecond(current.reset())), current.reset());
        }
    }

    /**
     * A key id. An API key or its public prefix is refused with a hint: the key on the command line would be visible in
     * ps and shell history, and prefixes cannot be looked up (incident-service has no such endpoint). The argument is
     * never repeated in a message: it may be a secret.
     */
    static long keyId(String argument) {
        String value = argument.strip();
        if (!value.isEmpty() && value.length() <= 19 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw CliException.usage("the key id is too large");
            }
        }
        if (value.startsWith(ApiKeys.SCHEME_PREFIX) && value.indexOf('.') > 0) {
            throw CliException.usage("an API key is not taken as an argument (it would show in ps and shell history): "
                    + "pass it on stdin with '-' or --key-stdin, or give its key id");
        }
        if (value.startsWith(ApiKeys.SCHEME_PREFIX)) {
            throw CliException.usage("a key's public prefix cannot be looked up: give its key id (incident-service's "
                    + "'api list' shows it), or the API key on stdin with '-'");
        }
        throw CliException.usage("expected a numeric key id, or '-' to read the API key from stdin");
    }

    /** Asks incident-service whose key this is; never repeats the key in a message. */
    static Identity resolve(String value, KeyVerifier verifier) {
        if (!ApiKeys.wellFormed(value)) {
            throw CliException.usage("stdin did not hold an API key (psk_<prefix>.<secret>)");
        }
        Identity identity;
        try {
            identity = verifier.ask(value).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw CliException.failure("cannot resolve the API key to its key id (" + cause.getMessage()
                    + "); check INCIDENT_SERVICE_URL, or give the key id instead");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.failure("interrupted");
        }
        if (!identity.accepted()) {
            throw CliException.notFound("the API key is not valid (unknown, regenerated or revoked)");
        }
        return identity;
    }
}
