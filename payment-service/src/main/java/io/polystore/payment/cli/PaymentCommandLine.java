package io.polystore.payment.cli;

import io.polystore.ops.ExitCodes;
import io.polystore.ops.Failures;
import io.polystore.ops.OpsCommandLine;
import io.polystore.ops.OpsRootCommand;
import io.polystore.rest.problem.ProblemException;
import io.polystore.rest.store.StoreFailure;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Map;

/** What payment-service's command line means by its exit codes and failures, and how an ops run boots. */
final class PaymentCommandLine implements OpsCommandLine {

    static final String DATABASE_HINT = "cannot reach the database (check DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD)";
    static final String SCHEMA_HINT = "a table is missing: is the schema migrated? (see 'db status', run 'db init')";

    @Override
    public Class<? extends OpsRootCommand> rootCommand() {
        return RootCommand.class;
    }

    @Override
    public Map<Integer, String> exitCodes() {
        Map<Integer, String> codes = ExitCodes.documented("the database or Redis is unreachable", "payment");
        codes.put(ExitCodes.CONFLICT, "conflict: status transition not allowed, payment changed by another run");
        codes.put(ExitCodes.REFUSED, "refused: destructive command without --yes");
        return codes;
    }

    /** The commands call the same services as the REST resources: their problems keep their meaning. */
    @Override
    public int exitCode(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return ExitCodes.forHttpStatus(problem.problem().status());
        }
        return StoreFailure.of(failure) == StoreFailure.DUPLICATE_KEY ? ExitCodes.CONFLICT : ExitCodes.FAILURE;
    }

    @Override
    public String describe(Throwable failure, int exitCode) {
        if (failure instanceof ProblemException problem) {
            return problem.problem().detail();
        }
        if (exitCode != ExitCodes.FAILURE) {
            return failure.getMessage();
        }
        String chain = Failures.causeChain(failure);
        if (Failures.connectionRefused(failure) || Failures.anyCause(failure,
                t -> t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException)) {
            return DATABASE_HINT + ": " + chain;
        }
        return chain.contains("errorCode=1146") || chain.contains("SQLState: 42S02")
                ? SCHEMA_HINT + ": " + chain
                : chain;
    }

    @Override
    public Map<String, String> opsProperties(String command, boolean verbose) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.flyway.migrate-at-start", "false");
        // the cache's invalidation retry belongs to the service, not to a one-shot command
        properties.put("quarkus.scheduler.enabled", "false");
        // an operator's command may wait longer for Redis than a request does
        properties.put("cache.redis-deadline", "PT5S");
        if (!verbose) {
            properties.put("quarkus.log.category.\"io.micrometer.core.instrument.MeterRegistry\".level", "ERROR");
        }
        if ("db".equals(command)) {
            // the service itself keeps clean disabled (application.properties); only "db drop/setup" clean
            properties.put("quarkus.flyway.clean-disabled", "false");
        }
        return properties;
    }
}
