package io.polystore.gateway.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "gateway", description = {
        "The gateway. Without a command (or with 'serve') it runs the HTTP gateway; with a command it runs that job "
                + "against the gateway's Redis and exits, without opening the HTTP port.",
        "Redis comes from REDIS_URL (or REDIS_HOST, REDIS_PORT, REDIS_PASSWORD), incident-service (to resolve API keys) "
                + "from INCIDENT_SERVICE_URL, the default limits from RATE_LIMIT_REQUESTS and RATE_LIMIT_PERIOD, as "
                + "for the gateway.",
        "Commands accept --json: exactly one JSON document on stdout; logs and errors go to stderr."}, synopsisSubcommandLabel = "[COMMAND]", subcommands = {
                ServeCommand.class, RateLimitCommand.class, HelpCommand.class})
public class RootCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!spec.commandLine().getParseResult().originalArgs().isEmpty()) {
            // only options, e.g. "--verbose": the launcher did not start the HTTP gateway, so there is nothing to run
            spec.commandLine().getErr().println("error: missing command");
            spec.commandLine().usage(spec.commandLine().getErr());
            return ExitCodes.USAGE;
        }
        return ServeCommand.serve();
    }
}
