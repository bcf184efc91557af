package io.polystore.rest.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The chassis' default list of addresses whose forwarded headers are believed names no entry Quarkus would take for a
 * host name: those are resolved through DNS on every request, and a resolver that does not answer holds each of them
 * for 5 s (a bare {@code ::1} did exactly that).
 */
class TrustedProxiesDefaultTest {

    private static final Pattern DEFAULT = Pattern.compile("^\\$\\{GATEWAY_ADDRESSES:(.*)}$");
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?$");
    private static final Pattern IPV6_CIDR = Pattern.compile("^[0-9a-fA-F:]+/\\d{1,3}$");

    @Test
    void everyDefaultEntryIsAnAddressOrACidrNeverAHostName() throws IOException {
        Properties chassis = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
            chassis.load(in);
        }
        Matcher value = DEFAULT.matcher(chassis.getProperty("quarkus.http.proxy.trusted-proxies"));
        assertTrue(value.matches(), "trusted proxies come from GATEWAY_ADDRESSES with a default");
        String[] entries = value.group(1).split(",");
        assertFalse(entries.length == 0);
        for (String entry : entries) {
            assertTrue(IPV4.matcher(entry).matches() || IPV6_CIDR.matcher(entry).matches(),
                    "'" + entry + "' would be resolved as a host name on every request: write IPv6 as a CIDR");
        }
    }
}
