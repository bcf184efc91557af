package io.polystore.incident.user;

import java.time.Instant;

public record UserView(long id, String email, String displayName, boolean system, Instant createdAt,
        Instant updatedAt) {

    static UserView of(User user) {
        return new UserView(user.id, user.email, user.displayName, user.system, user.createdAt, user.updatedAt);
    }
}
