package io.polystore.devstack.store;

/**
 * A database together with the one user that owns it, as each SQL service expects: {@code name:user:password}.
 */
public record DatabaseAccount(String database, String user, String password) {

    public DatabaseAccount {
        Names.identifier(database);
        Names.identifier(user);
        Names.password(password);
    }

    public static DatabaseAccount parse(String spec) {
        String[] parts = spec.split(":", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("expected database:user:password, got " + spec.replaceAll(":.*", ":…"));
        }
        return new DatabaseAccount(parts[0], parts[1], parts[2]);
    }
}
