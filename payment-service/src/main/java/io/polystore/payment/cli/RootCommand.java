package io.polystore.payment.cli;

import io.polystore.ops.OpsRootCommand;
import io.polystore.ops.ServeCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

@Command(name = "payment-service", description = {
        "The payment service. Without a command (or with 'serve') it runs the HTTP service; with a command it runs that "
                + "job against the service's database (and Redis for 'cache') and exits, without opening the HTTP port.",
        "The stores come from DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD and REDIS_URL, as for the service.",
        "Commands that print records accept --json: exactly one JSON document on stdout; logs and errors go to stderr."}, synopsisSubcommandLabel = "[COMMAND]", subcommands = {
                ServeCommand.class, DbCommand.class, PaymentCommand.class, CacheCommand.class, AuditCommand.class,
                StatsCommand.class, HelpCommand.class})
public class RootCommand extends OpsRootCommand {
}
