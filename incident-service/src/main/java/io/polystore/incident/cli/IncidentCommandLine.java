package io.polystore.incident.cli;

import io.polystore.ops.ExitCodes;
import io.polystore.ops.Failures;
import io.polystore.ops.OpsCommandLine;
import io.polystore.ops.OpsRootCommand;
import io.polystore.rest.problem.ProblemException;
import io.polystore.rest.store.StoreFailure;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Map;

/** What incident-service's command line means by its exit codes and failures, and how an ops run boots. */
final class IncidentCommandLine implements OpsCommandLine {

    static final String DATABASE_HINT = "cannot reach the database (check DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD)";
    static final String SCHEMA_HINT = "a table is missing: is the schema migrated? (see 'db status', run 'db init')";

    @Override
    public Class<? extends OpsRootCommand> rootCommand() {
        return RootCommand.class;
    }

    @Override
    public Map<Integer, String> exitCodes() {
        Map<Integer, String> codes = ExitCodes.documented("the database is unreachable",
                "user, API key or incident");
        codes.put(ExitCodes.CONFLICT,
                "conflict: duplicate email, status transition not allowed, incident changed by another run, too many "
                        + "active API keys");
        codes.put(ExitCodes.REFUSED, "refused: destructive command without --yes");
        return codes;
    }

    /** The commands call the same services as the REST resources: their problems keep their meaning. */
    @Override
    public int exitCode(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return ExitCodes.forHttpStatus(problem.problem().status());
        }
        if (failure instanceof ConstraintViolationException) {
            return ExitCodes.USAGE;
        }
        // as the chassis answers REST: a unique key another run took first is a conflict, not an unexpected failure
        return StoreFailure.of(failure) == StoreFailure.DUPLICATE_KEY ? ExitCodes.CONFLICT : ExitCodes.FAILURE;
    }

    @Override
    public String describe(Throwable failure, int exitCode) {
        if (failure instanceof ProblemException problem) {
            return problem.problem().detail();
        }
        if (exitCode == ExitCodes.CONFLICT) {
            return "conflicts with an existing record (a unique value is already taken)";
        }
        if (exitCode != ExitCodes.FAILURE) {
            return failure.getMessage();
        }
        String chain = Failures.causeChain(failure);
        if (unreachable(failure)) {
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
        properties.put("quarkus.scheduler.enabled", "false");
        // no connection at boot (Hibernate's database version check): with the database down, the command itself
        // reports that in one line instead of boot warnings with stack traces
        properties.put("quarkus.hibernate-orm.database.start-offline", "true");
        if (!verbose) {
            // the failing command reports SQL errors itself, in one line
            properties.put("quarkus.log.category.\"org.hibernate.orm.jdbc.error\".level", "ERROR");
            properties.put("quarkus.log.category.\"io.micrometer.core.instrument.MeterRegistry\".level", "ERROR");
        }
        if ("db".equals(command)) {
            // the service itself keeps clean disabled (application.properties); only "db drop/setup" clean
            properties.put("quarkus.flyway.clean-disabled", "false");
        }
        return properties;
    }

    private static boolean unreachable(Throwable failure) {
        return Failures.connectionRefused(failure) || Failures.anyCause(failure,
                t -> t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                        || String.valueOf(t.getMessage()).contains("Unable to obtain connection"));
    }
}
