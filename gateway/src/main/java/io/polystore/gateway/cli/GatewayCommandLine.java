package io.polystore.gateway.cli;

import io.polystore.gateway.auth.ApiKeys;
import io.polystore.ops.ExitCodes;
import io.polystore.ops.Failures;
import io.polystore.ops.OpsCommandLine;
import io.polystore.ops.OpsRootCommand;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the gateway's command line means by its exit codes and failures; nothing it prints shows an API key. */
final class GatewayCommandLine implements OpsCommandLine {

    static final String REDIS_HINT = "cannot reach Redis (check REDIS_URL, or REDIS_HOST, REDIS_PORT, REDIS_PASSWORD)";

    @Override
    public Class<? extends OpsRootCommand> rootCommand() {
        return RootCommand.class;
    }

    @Override
    public Map<Integer, String> exitCodes() {
        Map<Integer, String> codes = new LinkedHashMap<>();
        codes.put(ExitCodes.OK, "done");
        codes.put(ExitCodes.FAILURE, "unexpected failure, e.g. Redis or incident-service is unreachable (--verbose "
                + "shows the stack trace)");
        codes.put(ExitCodes.USAGE, "usage error or invalid input");
        codes.put(ExitCodes.NOT_FOUND, "not found: the API key is not valid (unknown, regenerated or revoked)");
        return codes;
    }

    @Override
    public String describe(Throwable failure, int exitCode) {
        String chain = Failures.causeChain(failure);
        return exitCode == ExitCodes.FAILURE && Failures.connectionRefused(failure) ? REDIS_HINT + ": " + chain : chain;
    }

    /** An API key given in the wrong place would otherwise be repeated in picocli's message: only its prefix is. */
    @Override
    public String redact(String message) {
        return ApiKeys.redact(message);
    }
}
