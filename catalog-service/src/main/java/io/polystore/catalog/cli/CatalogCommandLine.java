package io.polystore.catalog.cli;

import io.polystore.ops.ExitCodes;
import io.polystore.ops.Failures;
import io.polystore.ops.OpsCommandLine;
import io.polystore.ops.OpsRootCommand;
import io.polystore.rest.problem.ProblemException;
import io.polystore.rest.store.StoreUnavailableException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;

/** What catalog-service's command line means by its exit codes and failures, and how an ops run boots. */
final class CatalogCommandLine implements OpsCommandLine {

    static final String NEO4J_HINT = "cannot reach Neo4j (check NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD)";

    @Override
    public Class<? extends OpsRootCommand> rootCommand() {
        return RootCommand.class;
    }

    @Override
    public Map<Integer, String> exitCodes() {
        Map<Integer, String> codes = ExitCodes.documented("Neo4j is unreachable", "product or file");
        codes.put(ExitCodes.USAGE, "usage error or invalid input, e.g. an import file with invalid lines (nothing "
                + "is imported then)");
        codes.put(ExitCodes.CONFLICT, "conflict: deleting a product that has compatibility relationships, without "
                + "--detach");
        codes.put(ExitCodes.REFUSED, "refused: destructive command without --yes");
        return codes;
    }

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
        return unreachable(failure) ? NEO4J_HINT + ": " + chain : chain;
    }

    private static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServiceUnavailableException || cause instanceof SessionExpiredException
                    || cause instanceof StoreUnavailableException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Map<String, String> opsProperties(String command, boolean verbose) {
        Map<String, String> properties = new LinkedHashMap<>();
        // a command changes the schema only when asked ("db migrate"), imports only what it is given, counts nothing
        properties.put("catalog.migrate-at-start", "false");
        properties.put("catalog.import-sample-at-start", "false");
        properties.put("catalog.metrics-refresh", "0");
        if (!verbose) {
            properties.put("quarkus.log.category.\"io.micrometer.core.instrument.MeterRegistry\".level", "ERROR");
            // the driver logs each retry of an unreachable server; the command reports the failure in one line
            properties.put("quarkus.log.category.\"org.neo4j.driver\".level", "ERROR");
        }
        return properties;
    }
}
