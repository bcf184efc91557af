package io.polystore.incident.user;

import io.polystore.rest.problem.ProblemException;
import io.polystore.rest.store.StoreFailure;
import io.quarkus.hibernate.reactive.panache.Panache;
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

    /**
     * Emails are unique regardless of case; a second user with the same email is a conflict (409, exit code 4). The
     * check finds a user that exists; the unique key decides between two creates that run at once (both pass the check,
     * one insert fails). The chassis recognises that failure ({@link StoreFailure}: a 409 on its own); here it gets the
     * same words as the duplicate the check finds. {@code users} has one unique key besides its generated id: email.
     */
    @WithTransaction
    public Uni<UserView> create(NewUser request) {
        String email = request.email().strip().toLowerCase(Locale.ROOT);
        return users.findByEmail(email).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(duplicate(email));
            }
            return users.persistAndFlush(newUser(email, request.displayName().strip(), false))
                    .onFailure(UserService::duplicateKey).transform(failure -> duplicate(email))
                    .map(UserView::of);
        });
    }

    /**
     * Harmless to run twice, also at once: returns the existing system user. When two runs both create it, the one
     * whose insert loses reads and returns the winner's.
     */
    public Uni<UserView> createSystemUser() {
        return Panache.withTransaction(() -> users.findByEmail(SYSTEM_EMAIL)
                .flatMap(existing -> existing != null
                        ? Uni.createFrom().item(existing)
                        : users.persistAndFlush(newUser(SYSTEM_EMAIL, "System", true))))
                .onFailure(UserService::duplicateKey)
                .recoverWithUni(() -> Panache.withSession(() -> users.findByEmail(SYSTEM_EMAIL)))
                .map(UserView::of);
    }

    @WithSession
    public Uni<List<UserView>> list() {
        return users.listAll(Sort.by("id")).map(all -> all.stream().map(UserView::of).toList());
    }

    private static boolean duplicateKey(Throwable failure) {
        return StoreFailure.of(failure) == StoreFailure.DUPLICATE_KEY;
    }

    private static ProblemException duplicate(String email) {
        return ProblemException.conflict("a user with email " + email + " exists");
    }

    private static User newUser(String email, String displayName, boolean system) {
        User user = new User();
        user.email = email;
        user.displayName = displayName;
        user.system = system;
        return user;
    }
}
