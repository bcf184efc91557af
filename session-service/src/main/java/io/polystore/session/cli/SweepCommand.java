package io.polystore.session.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.ops.OpsCommand;
import io.polystore.ops.Table;
import io.polystore.session.archive.Sweeper;
import io.polystore.session.config.SessionConfig;
import io.polystore.session.session.SessionStore;
import io.polystore.session.session.SessionTimes;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sweep", description = {
        "Archive the sessions that are due now (idle ones as abandoned, ended ones whose hand-over failed), as every "
                + "running instance does every SESSION_ARCHIVE_SWEEP_INTERVAL; with --dry-run only list them."})
public class SweepCommand extends OpsCommand {

    @Option(names = "--dry-run", description = "List what would be archived now; change nothing.")
    boolean dryRun;

    /** What a sweep did, or would do. */
    public record SweepResult(boolean dryRun, List<String> due, Integer archived) {
    }

    private final SessionStore store;
    private final SessionTimes times;
    private final Sweeper sweeper;
    private final SessionConfig config;

    SweepCommand(SessionStore store, SessionTimes times, Sweeper sweeper, SessionConfig config, ObjectMapper mapper) {
        super(mapper);
        this.store = store;
        this.times = times;
        this.sweeper = sweeper;
        // read when the command runs: help builds commands without the application's beans
        this.config = config;
    }

    @Override
    protected void execute() {
        List<String> due = await(() -> store.dueIds(times.now(), config.session().archive().batchSize()));
        Integer archived = dryRun ? null : await(sweeper::sweep);
        SweepResult result = new SweepResult(dryRun, due, archived);
        print(result, out -> {
            Table table = new Table("DUE SESSION");
            due.forEach(table::row);
            table.print(out, "No session is due.");
            if (!dryRun) {
                out.println("Archived and removed: " + archived);
            }
        });
    }
}
