package io.polystore.testsupport.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * Counts the Redis commands a test caused, and only those, on a Redis that other test JVMs may share
 * ({@code POLYSTORE_TEST_REDIS_URL}): where {@code INFO commandstats} counts every client's commands, this watches
 * {@code MONITOR} and counts the lines that mention something only this test uses (its own key or key prefix).
 * <p>
 * {@code try (RedisMonitor monitor = RedisMonitor.start("127.0.0.1", port)) { ...; assertEquals(1,
 * monitor.awaitCount(line -> line.contains(myKey), 1, Duration.ofSeconds(2))); }}
 */
public final class RedisMonitor implements AutoCloseable {

    private final Socket socket;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private RedisMonitor(Socket socket, BufferedReader in) throws IOException {
        this.socket = socket;
        String ok = in.readLine();
        if (ok == null || !ok.startsWith("+OK")) {
            socket.close();
            throw new IOException("MONITOR refused: " + ok);
        }
        reader = new Thread(() -> {
            try {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // closed
            }
        }, "redis-monitor");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts watching; {@code password} may be null. Commands sent before this returns are not seen. */
    public static RedisMonitor start(String host, int port, String password) {
        try {
            Socket socket = new Socket(host, port);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            if (password != null && !password.isEmpty()) {
                out.write(command("AUTH", password));
                out.flush();
                String reply = in.readLine();
                if (reply == null || !reply.startsWith("+OK")) {
                    socket.close();
                    throw new IOException("AUTH refused");
                }
            }
            out.write(command("MONITOR"));
            out.flush();
            return new RedisMonitor(socket, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RedisMonitor start(String host, int port) {
        return start(host, port, null);
    }

    /** Commands seen so far that match (each MONITOR line is one command: time, client, command, arguments). */
    public long count(Predicate<String> line) {
        return lines.stream().filter(line).count();
    }

    /**
     * Waits until at least {@code expected} matching commands were seen (MONITOR reports them asynchronously), at most
     * {@code timeout}, then returns how many there are: exactly {@code expected} for a test that demands it.
     */
    public long awaitCount(Predicate<String> line, long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count(line) < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return count(line);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] command(String... parts) {
        StringBuilder resp = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            resp.append('$').append(bytes.length).append("\r\n").append(part).append("\r\n");
        }
        return resp.toString().getBytes(StandardCharsets.UTF_8);
    }
}
