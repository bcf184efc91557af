package io.polystore.incident.user;

import io.polystore.rest.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

@ApplicationScoped
public class UserService {

    /** Owner of incidents reported by automation rather than by a person. */
    public static final String SYSTEM_EMAIL = "system@polystore.internal";

    private final UserRepository users;

    UserService(UserRepository users) {
        this.users = users;
    }

    /** Emails are unique regardless of case; a second user with the same email is a conflict. */
    @WithTransaction
    public Uni<UserView> create(NewUser request) {
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        return users.findByEmail(email).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(ProblemException.conflict("a user with email " + email + " exists"));
            }
            return users.persist(newUser(email, request.displayName().strip(), false)).map(UserView::of);
        });
    }

    /** Harmless to run twice: returns the existing system user. */
    @WithTransaction
    public Uni<UserView> createSystemUser() {
        return users.findByEmail(SYSTEM_EMAIL)
                .flatMap(existing -> existing != null
                        ? Uni.createFrom().item(existing)
                        : users.persist(newUser(SYSTEM_EMAIL, "System", true)))
                .map(UserView::of);
    }

    @WithSession
    public Uni<List<UserView>> list() {
        return users.listAll(Sort.by("id")).map(all -> all.stream().map(UserView::of).toList());
    }

    private static User newUser(String email, String displayName, boolean system) {
        User user = new User();
        user.email = email;
        user.displayName = displayName;
        user.system = system;
        return user;
    }
}
