package io.polystore.mandate.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.ops.OpsCommand;
import io.polystore.rest.problem.ProblemException;
import java.io.UncheckedIOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The session archive for operators: the global statistics ({@code session_summary_stats} covers every user, so the API
 * never serves it) and any user's archived session.
 */
@Command(name = "archive", description = "The archive of session-service's sessions.", synopsisSubcommandLabel = "COMMAND", subcommands = {
        ArchiveCommand.Stats.class, ArchiveCommand.Show.class})
public class ArchiveCommand {

    @Command(name = "stats", description = "Every user's archived sessions together (the view session_summary_stats).")
    static class Stats extends OpsCommand {

        private final ArchiveRepository archives;

        Stats(ArchiveRepository archives, ObjectMapper mapper) {
            super(mapper);
            this.archives = archives;
        }

        @Override
        protected void execute() {
            SummaryStats stats = await(archives::summary);
            print(stats, out -> {
                out.println("Sessions archived:   " + stats.totalSessions() + " of " + stats.uniqueUsers() + " users");
                out.println("Finalized:           " + stats.finalizedSessions());
                out.println("Completed:           " + stats.completedSessions());
                out.println("Abandoned:           " + stats.abandonedSessions());
                out.println("Messages / session:  " + shown(stats.avgMessagesPerSession()));
                out.println("Duration (s):        " + shown(stats.avgSessionDurationSec()));
            });
        }

        private static String shown(Double average) {
            return average == null ? "-" : Long.toString(Math.round(average));
        }
    }

    @Command(name = "show", description = "One archived session, any user's, whole.")
    static class Show extends OpsCommand {

        @Parameters(paramLabel = "SESSION_ID")
        String sessionId;

        private final ArchiveRepository archives;
        private final ObjectMapper mapper;

        Show(ArchiveRepository archives, ObjectMapper mapper) {
            super(mapper);
            this.archives = archives;
            this.mapper = mapper;
        }

        @Override
        protected void execute() {
            ArchiveView archived = await(() -> archives.findAnyUser(sessionId))
                    .orElseThrow(() -> ProblemException.notFound("archived session " + sessionId));
            print(archived, out -> {
                try {
                    out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(archived));
                } catch (JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
