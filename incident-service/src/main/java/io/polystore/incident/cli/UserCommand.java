package io.polystore.incident.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.incident.user.NewUser;
import io.polystore.incident.user.UserRepository;
import io.polystore.incident.user.UserService;
import io.polystore.incident.user.UserView;
import io.polystore.ops.CliException;
import io.polystore.ops.OpsCommand;
import io.polystore.ops.Table;
import io.quarkus.hibernate.reactive.panache.Panache;
import jakarta.validation.Validator;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "user", description = "Users: the owners of API keys and incidents.", synopsisSubcommandLabel = "COMMAND", subcommands = {
        UserCommand.Create.class, UserCommand.CreateSystemUser.class, UserCommand.ListUsers.class})
public class UserCommand {

    @Command(name = "create", description = {
            "Create a user. A missing --email or --name is asked for when a terminal is attached; without one "
                    + "(scripts, CI) it is a usage error.",
            "Emails are unique regardless of case: an existing email is a conflict (exit code 4)."})
    static class Create extends OpsCommand {

        @Option(names = "--email", paramLabel = "EMAIL", description = "The user's email, unique.")
        String email;

        @Option(names = "--name", paramLabel = "NAME", description = "The user's display name.")
        String name;

        private final UserService users;
        private final Validator validator;

        Create(UserService users, Validator validator, ObjectMapper mapper) {
            super(mapper);
            this.users = users;
            this.validator = validator;
        }

        @Override
        protected void execute() {
            NewUser request = new NewUser(Inputs.promptIfMissing(email, "--email", "Email"),
                    Inputs.promptIfMissing(name, "--name", "Display name"));
            Inputs.validate(validator, request, Map.of("email", "--email", "displayName", "--name"));
            UserView user = await(() -> users.create(request));
            print(user, out -> out.printf(Locale.ROOT, "Created user %d <%s> (%s)%n", user.id(), user.email(),
                    user.displayName()));
        }
    }

    @Command(name = "create-system-user", description = {
            "Create the system user (" + UserService.SYSTEM_EMAIL + "), the owner of incidents reported by automation. "
                    + "Harmless to run again: prints the existing one."})
    static class CreateSystemUser extends OpsCommand {

        private final UserService users;

        CreateSystemUser(UserService users, ObjectMapper mapper) {
            super(mapper);
            this.users = users;
        }

        @Override
        protected void execute() {
            UserView user = await(users::createSystemUser);
            print(user, out -> out.printf(Locale.ROOT, "System user %d <%s>%n", user.id(), user.email()));
        }
    }

    @Command(name = "list", description = "List every user.")
    static class ListUsers extends OpsCommand {

        private final UserService users;

        ListUsers(UserService users, ObjectMapper mapper) {
            super(mapper);
            this.users = users;
        }

        @Override
        protected void execute() {
            List<UserView> all = await(users::list);
            print(all, out -> table(out, all));
        }
    }

    static void table(PrintWriter out, List<UserView> users) {
        Table table = new Table("ID", "EMAIL", "NAME", "SYSTEM", "CREATED");
        users.forEach(u -> table.row(u.id(), u.email(), u.displayName(), u.system() ? "yes" : "no",
                OpsCommand.time(u.createdAt())));
        table.print(out, "No users.");
    }

    /** Fails with "not found" (exit code 3) unless the user exists. */
    static void requireUser(UserRepository users, long userId) {
        boolean exists = OpsCommand.await(() -> Panache.withSession(() -> users.findById(userId))) != null;
        if (!exists) {
            throw CliException.notFound("user " + userId + " not found");
        }
    }
}
