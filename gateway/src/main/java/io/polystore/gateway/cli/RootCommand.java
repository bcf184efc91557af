package io.polystore.gateway.cli;

import io.polystore.ops.OpsRootCommand;
import io.polystore.ops.ServeCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

@Command(name = "gateway", description = {
        "The gateway. Without a command (or with 'serve') it runs the HTTP gateway; with a command it runs that job "
                + "against the gateway's Redis and exits, without opening the HTTP port.",
        "Redis comes from REDIS_URL (or REDIS_HOST, REDIS_PORT, REDIS_PASSWORD), incident-service (to resolve API keys) "
                + "from INCIDENT_SERVICE_URL, the default limits from RATE_LIMIT_REQUESTS and RATE_LIMIT_PERIOD, as "
                + "for the gateway.",
        "Commands accept --json: exactly one JSON document on stdout; logs and errors go to stderr."}, synopsisSubcommandLabel = "[COMMAND]", subcommands = {
                ServeCommand.class, RateLimitCommand.class, HelpCommand.class})
public class RootCommand extends OpsRootCommand {
}
