package io.polystore.mandate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.mandate.jobs.ExpiryJob;
import io.polystore.ops.CliException;
import io.polystore.ops.OpsCommand;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "alerts", description = "The expiry job (it also runs hourly in the service).", synopsisSubcommandLabel = "COMMAND", subcommands = {
        AlertsCommand.CheckExpiring.class})
public class AlertsCommand {

    @Command(name = "check-expiring", description = {"Expire live mandates past their expiry (MandateExpired events) "
            + "and raise one MANDATE_EXPIRING alert per mandate expiring within --days, now."})
    static class CheckExpiring extends OpsCommand {

        @Option(names = "--days", paramLabel = "DAYS", defaultValue = "7", description = "1 to 30 (default ${DEFAULT-VALUE}).")
        int days;

        @Option(names = "--dry-run", description = "Only count what would be done.")
        boolean dryRun;

        private final ExpiryJob job;

        CheckExpiring(ExpiryJob job, ObjectMapper mapper) {
            super(mapper);
            this.job = job;
        }

        @Override
        protected void execute() {
            if (days < 1 || days > 30) {
                throw CliException.usage("--days must be 1 to 30");
            }
            ExpiryJob.Result result = await(() -> job.run(days, dryRun));
            print(result, out -> out.println(!result.ran()
                    ? "Skipped: another instance is running the expiry job"
                    : String.format(Locale.ROOT, "%s %d mandate(s), %s %d expiry alert(s)",
                            dryRun ? "Would expire" : "Expired", result.expired(), dryRun ? "would raise" : "raised",
                            result.alertsRaised())));
        }
    }
}
