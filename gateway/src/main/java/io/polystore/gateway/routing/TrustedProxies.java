package io.polystore.gateway.routing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The load balancers in front of the gateway ({@code GATEWAY_TRUSTED_PROXIES}: IP addresses or CIDRs). Only their
 * {@code X-Forwarded-For} is believed, and only as far back as the chain stays within them: the client is the nearest
 * address that is not a trusted proxy.
 */
final class TrustedProxies {

    private final List<Cidr> trusted;

    private TrustedProxies(List<Cidr> trusted) {
        this.trusted = trusted;
    }

    static TrustedProxies of(List<String> specs) {
        List<Cidr> trusted = new ArrayList<>();
        for (String spec : specs) {
            if (!spec.isBlank()) {
                trusted.add(Cidr.parse(spec.strip()));
            }
        }
        return new TrustedProxies(List.copyOf(trusted));
    }

    boolean isEmpty() {
        return trusted.isEmpty();
    }

    /**
     * The client as the services should see it: {@code peer} itself unless it is a trusted proxy, else the right-most
     * entry of the inbound {@code X-Forwarded-For} that is not a trusted proxy (or the left-most if all are).
     */
    String client(String peer, List<String> forwardedFor) {
        if (trusted.isEmpty() || !isTrusted(peer) || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> chain = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String entry : header.split(",")) {
                String address = entry.strip();
                if (!address.isEmpty()) {
                    chain.add(address);
                }
            }
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            String address = chain.get(i);
            if (!isTrusted(address) || i == 0) {
                return literal(address) != null ? address : peer;
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        InetAddress parsed = literal(address);
        if (parsed == null) {
            return false;
        }
        for (Cidr cidr : trusted) {
            if (cidr.contains(parsed)) {
                return true;
            }
        }
        return false;
    }

    /** An IP literal, never a name lookup; null for anything else. */
    private static InetAddress literal(String address) {
        String text = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1)
                : address;
        boolean looksLiteral = !text.isEmpty() && text.chars()
                .allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
        if (!looksLiteral) {
            return null;
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Cidr(byte[] network, int prefix) {

        static Cidr parse(String spec) {
            int slash = spec.indexOf('/');
            InetAddress address = literal(slash < 0 ? spec : spec.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("GATEWAY_TRUSTED_PROXIES: not an IP address or CIDR: " + spec);
            }
            int bits = address.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(spec.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("GATEWAY_TRUSTED_PROXIES: bad prefix length in " + spec);
            }
            return new Cidr(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
