package io.polystore.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies balancers = TrustedProxies.of(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8"));

    @Test
    void withoutTrustedProxiesTheClientIsThePeerWhateverTheHeaderSays() {
        assertEquals("203.0.113.5", TrustedProxies.of(List.of()).client("203.0.113.5", List.of("1.2.3.4")));
    }

    @Test
    void anUntrustedPeerIsTheClientEvenWithAHeader() {
        assertEquals("203.0.113.5", balancers.client("203.0.113.5", List.of("1.2.3.4")));
    }

    @Test
    void behindATrustedProxyTheClientIsTheNearestUntrustedAddress() {
        assertEquals("198.51.100.2", balancers.client("10.1.2.3", List.of("1.2.3.4, 198.51.100.2", "10.9.9.9")));
        assertEquals("198.51.100.2", balancers.client("192.168.1.7", List.of("198.51.100.2")));
        assertEquals("2001:db8::1", balancers.client("fd12::1", List.of("2001:db8::1")));
    }

    @Test
    void aChainOfOnlyTrustedProxiesNamesItsFirstEntry() {
        assertEquals("10.0.0.1", balancers.client("10.1.2.3", List.of("10.0.0.1, 10.0.0.2")));
    }

    @Test
    void somethingThatIsNotAnAddressIsNeverBelieved() {
        assertEquals("10.1.2.3", balancers.client("10.1.2.3", List.of("evil.example")));
        assertEquals("10.1.2.3", balancers.client("10.1.2.3", List.of("unknown")));
    }

    @Test
    void aTrustedPeerWithoutAHeaderIsTheClient() {
        assertEquals("10.1.2.3", balancers.client("10.1.2.3", List.of()));
    }

    @Test
    void cidrsMatchOnTheirPrefixOnly() {
        TrustedProxies narrow = TrustedProxies.of(List.of("172.16.0.0/12"));
        assertEquals("9.9.9.9", narrow.client("172.31.255.255", List.of("9.9.9.9")));
        assertEquals("172.32.0.1", narrow.client("172.32.0.1", List.of("9.9.9.9")));
    }

    @Test
    void aMistypedSettingFailsAtStart() {
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of("load-balancer.internal")));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.of(List.of("10.0.0.0/33")));
    }
}
