package io.polystore.session.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.ops.CliException;
import io.polystore.ops.ExitCodes;
import io.polystore.ops.OpsCommand;
import io.polystore.ops.Table;
import io.polystore.rest.problem.ProblemException;
import io.polystore.session.session.SessionDocument;
import io.polystore.session.session.SessionService;
import io.polystore.session.session.SessionStatus;
import io.polystore.session.session.SessionStore;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "session", description = "Hot sessions in Redis.", synopsisSubcommandLabel = "COMMAND", subcommands = {
        SessionCommand.ListSessions.class, SessionCommand.Show.class, SessionCommand.Archive.class})
public class SessionCommand {

    /** One line of {@code session list}. */
    public record Summary(String sessionId, String status, String currentState, int messageCount,
            java.time.Instant lastActivityAt) {

        static Summary of(SessionDocument session) {
            return new Summary(session.sessionId(), session.status().value(), session.currentState().value(),
                    session.messageCount(), session.lastActivityAt());
        }
    }

    public record SessionListing(String userId, List<Summary> sessions) {
    }

    @Command(name = "list", description = "The sessions of one user that are still in Redis (active, or ended and waiting for the archive).")
    static class ListSessions extends OpsCommand {

        @Option(names = "--user", required = true, description = "The Polystore user id (ASCII digits).")
        String userId;

        private final SessionStore store;

        ListSessions(SessionStore store, ObjectMapper mapper) {
            super(mapper);
            this.store = store;
        }

        @Override
        protected void execute() {
            if (!userId.matches("[1-9][0-9]{0,18}")) {
                throw new CliException(ExitCodes.USAGE, "--user must be a Polystore user id (ASCII digits)");
            }
            List<Summary> sessions = await(() -> store.ofUser(userId)).stream().map(Summary::of).toList();
            SessionListing listing = new SessionListing(userId, sessions);
            print(listing, out -> {
                Table table = new Table("SESSION", "STATUS", "STATE", "MESSAGES", "LAST ACTIVITY");
                sessions.forEach(s -> table.row(s.sessionId(), s.status(), s.currentState(),
                        Integer.toString(s.messageCount()), time(s.lastActivityAt())));
                table.print(out, "No sessions of user " + userId + " in Redis.");
            });
        }
    }

    @Command(name = "show", description = "One session, whole (the JSON of session:{id}).")
    static class Show extends OpsCommand {

        @Parameters(paramLabel = "SESSION_ID")
        String sessionId;

        private final SessionStore store;
        private final ObjectMapper mapper;

        Show(SessionStore store, ObjectMapper mapper) {
            super(mapper);
            this.store = store;
            this.mapper = mapper;
        }

        @Override
        protected void execute() {
            SessionDocument session = await(() -> store.read(sessionId))
                    .orElseThrow(() -> ProblemException.notFound("session " + sessionId));
            print(session, out -> printSession(out, session, mapper));
        }
    }

    @Command(name = "archive", description = {
            "Hand an active session over to the archive now, as abandoned, and remove it from Redis (as the sweeper "
                    + "does when it is idle). An ended session is handed over by the sweeper."})
    static class Archive extends OpsCommand {

        @Parameters(paramLabel = "SESSION_ID")
        String sessionId;

        private final SessionStore store;
        private final SessionService service;

        Archive(SessionStore store, SessionService service, ObjectMapper mapper) {
            super(mapper);
            this.store = store;
            this.service = service;
        }

        @Override
        protected void execute() {
            SessionDocument session = await(() -> store.read(sessionId))
                    .orElseThrow(() -> ProblemException.notFound("session " + sessionId));
            SessionService.Ended ended = await(
                    () -> service.end(session.userId(), sessionId, SessionStatus.ABANDONED));
            if (!ended.archived()) {
                throw new CliException(ExitCodes.CONFLICT, "the archive did not take session " + sessionId
                        + "; it stays in Redis, ended, and the sweeper hands it over");
            }
            print(ended.session(), out -> out.println("Archived session " + sessionId + " as abandoned ("
                    + ended.session().messageCount() + " messages); it is gone from Redis."));
        }
    }

    static void printSession(PrintWriter out, SessionDocument session, ObjectMapper mapper) {
        try {
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(session));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
