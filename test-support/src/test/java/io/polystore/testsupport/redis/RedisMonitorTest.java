package io.polystore.testsupport.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.polystore.devstack.store.StoreKind;
import io.polystore.devstack.test.TestStores;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Another client's commands on the same Redis are not counted; this test's own are, exactly. */
class RedisMonitorTest {

    @Test
    void countsOnlyTheCommandsThatMentionThisTestsKeys() throws Exception {
        int port = TestStores.get(StoreKind.REDIS).port();
        String mine = "test:" + UUID.randomUUID();
        try (RedisMonitor monitor = RedisMonitor.start("127.0.0.1", port);
                Socket client = new Socket("127.0.0.1", port)) {
            OutputStream out = client.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.UTF_8));
            send(out, in, "SET", "someone-else:" + UUID.randomUUID(), "x");
            send(out, in, "SET", mine, "1");
            send(out, in, "INCR", mine);
            send(out, in, "PING");

            assertEquals(2, monitor.awaitCount(line -> line.contains(mine), 2, Duration.ofSeconds(5)));
            Thread.sleep(100);
            assertEquals(2, monitor.count(line -> line.contains(mine)));
        }
    }

    private static void send(OutputStream out, BufferedReader in, String... parts) throws Exception {
        StringBuilder resp = new StringBuilder("*").append(parts.length).append("\r\n");
        for (String part : parts) {
            resp.append('$').append(part.length()).append("\r\n").append(part).append("\r\n");
        }
        out.write(resp.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        in.readLine();
    }
}
