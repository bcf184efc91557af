package io.polystore.gateway.cli;

import io.polystore.gateway.auth.ApiKeys;
import io.polystore.ops.ExitCodes;
import io.polystore.ops.Failures;
import io.polystore.ops.OpsCommandLine;
import io.polystore.ops.OpsRootCommand;
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
        return ExitCodes.documented("Redis or incident-service is unreachable",
                "the API key is not valid (unknown, regenerated or revoked)");
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
