package io.polystore.mandate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.mandate.jobs.RetentionJob;
import io.polystore.ops.OpsCommand;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "retention", description = "The retention job (it also runs daily in the service).", synopsisSubcommandLabel = "COMMAND", subcommands = {
        RetentionCommand.Run.class})
public class RetentionCommand {

    @Command(name = "run", description = {"Purge soft-deleted mandates past their retention, audit rows older than "
            + "AUDIT_RETENTION_DAYS and resolved alerts older than ALERT_RETENTION_DAYS, now.",
            "Does nothing (ran: false) while a service instance runs the job."})
    static class Run extends OpsCommand {

        @Option(names = "--dry-run", description = "Only count what would be purged.")
        boolean dryRun;

        private final RetentionJob job;

        Run(RetentionJob job, ObjectMapper mapper) {
            super(mapper);
            this.job = job;
        }

        @Override
        protected void execute() {
            RetentionJob.Result result = await(() -> job.run(dryRun));
            print(result, out -> out.println(!result.ran()
                    ? "Skipped: another instance is running the retention job"
                    : String.format(Locale.ROOT, "%s %d mandate(s), %d audit row(s), %d resolved alert(s)",
                            dryRun ? "Would purge" : "Purged", result.mandates(), result.audit(), result.alerts())));
        }
    }
}
