package io.polystore.mandate.cli;

import io.polystore.ops.ExitCodes;
import io.polystore.ops.Failures;
import io.polystore.ops.OpsCommandLine;
import io.polystore.ops.OpsRootCommand;
import io.polystore.rest.problem.ProblemException;
import io.polystore.rest.store.StoreFailure;
import java.util.LinkedHashMap;
import java.util.Map;

/** What mandate-service's command line means by its exit codes and failures, and how an ops run boots. */
final class MandateCommandLine implements OpsCommandLine {

    static final String DATABASE_HINT = "cannot reach the database (check DATABASE_URL or POSTGRES_HOST, POSTGRES_PORT,"
            + " POSTGRES_DB, POSTGRES_USER, POSTGRES_PASSWORD)";
    static final String SCHEMA_HINT = "a table is missing: is the schema migrated? (see 'db status', run 'db init')";

    @Override
    public Class<? extends OpsRootCommand> rootCommand() {
        return RootCommand.class;
    }

    @Override
    public Map<Integer, String> exitCodes() {
        Map<Integer, String> codes = ExitCodes.documented("the database is unreachable", "mandate");
        codes.put(ExitCodes.CONFLICT, "conflict: the record changed or exists already");
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
        if (Failures.connectionRefused(failure) || StoreFailure.of(failure) == StoreFailure.UNAVAILABLE) {
            return DATABASE_HINT + ": " + chain;
        }
        // PostgreSQL's undefined_table
        return chain.contains("42P01") ? SCHEMA_HINT + ": " + chain : chain;
    }

    @Override
    public Map<String, String> opsProperties(String command, boolean verbose) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.flyway.migrate-at-start", "false");
        // the jobs run when asked (retention run, alerts check-expiring), never by the scheduler of an ops run
        properties.put("quarkus.scheduler.enabled", "false");
        properties.put("quarkus.hibernate-orm.database.start-offline", "true");
        if (!verbose) {
            properties.put("quarkus.log.category.\"org.hibernate.orm.jdbc.error\".level", "ERROR");
        }
        if ("db".equals(command)) {
            // the service itself keeps clean disabled (application.properties); only "db drop/setup" clean
            properties.put("quarkus.flyway.clean-disabled", "false");
        }
        return properties;
    }
}
