package io.polystore.session.cli;

import io.polystore.ops.ExitCodes;
import io.polystore.ops.Failures;
import io.polystore.ops.OpsCommandLine;
import io.polystore.ops.OpsRootCommand;
import io.polystore.rest.problem.ProblemException;
import io.polystore.rest.store.StoreUnavailableException;
import java.util.LinkedHashMap;
import java.util.Map;

/** What session-service's command line means by its exit codes and failures, and how an ops run boots. */
final class SessionCommandLine implements OpsCommandLine {

    static final String REDIS_HINT = "cannot reach Redis (check REDIS_URL, or REDIS_HOST, REDIS_PORT, REDIS_PASSWORD)";

    @Override
    public Class<? extends OpsRootCommand> rootCommand() {
        return RootCommand.class;
    }

    @Override
    public Map<Integer, String> exitCodes() {
        Map<Integer, String> codes = ExitCodes.documented("Redis is unreachable", "session");
        codes.put(ExitCodes.CONFLICT, "conflict: the session has already ended (the sweeper hands it over), or the "
                + "archive did not take it (it stays in Redis)");
        return codes;
    }

    /** The commands call the same services as the REST resources: their problems keep their meaning. */
    @Override
    public int exitCode(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return ExitCodes.forHttpStatus(problem.problem().status());
        }
        return ExitCodes.FAILURE;
    }

    @Override
    public String describe(Throwable failure, int exitCode) {
        if (failure instanceof ProblemException problem) {
            return problem.problem().detail();
        }
        String chain = Failures.causeChain(failure);
        return Failures.anyCause(failure, t -> t instanceof StoreUnavailableException)
                ? REDIS_HINT + ": " + chain
                : chain;
    }

    @Override
    public Map<String, String> opsProperties(String command, boolean verbose) {
        Map<String, String> properties = new LinkedHashMap<>();
        // a command sweeps only when told to ("sweep")
        properties.put("quarkus.scheduler.enabled", "false");
        if (!verbose) {
            properties.put("quarkus.log.category.\"io.micrometer.core.instrument.MeterRegistry\".level", "ERROR");
        }
        return properties;
    }
}
