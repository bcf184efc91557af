package io.polystore.mandate.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polystore.rest.problem.ProblemException;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
            "0.0.0.0", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1", "224.0.0.1"})
    void refusesNonPublicAddresses(String address) throws Exception {
        assertFalse(TargetGuard.isPublic(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:4700::1111"})
    void acceptsPublicAddresses(String address) throws Exception {
        assertTrue(TargetGuard.isPublic(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/hook", "http://localhost:8080/hook", "https://[::1]/x",
            "http://169.254.169.254/latest/meta-data/"})
    void refusesPrivateTargetsUnlessAllowed(String url) {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> new TargetGuard(false).check(url).await().atMost(java.time.Duration.ofSeconds(10)));
        assertTrue(refused.problem().detail().startsWith("url:"), refused.problem().detail());
        new TargetGuard(true).check(url).await().atMost(java.time.Duration.ofSeconds(10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/x", "file:///etc/passwd", "http://user:pw@example.com/",
            "not a url", "http:///nohost"})
    void refusesWhatIsNoHttpUrl(String url) {
        assertThrows(ProblemException.class, () -> TargetGuard.parse(url));
    }
}
