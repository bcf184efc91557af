package io.polystore.mandate.verification;

import com.google.crypto.tink.subtle.EllipticCurves;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

/**
 * The public key inside a {@code did:key} DID (W3C did:key method, resolved offline from the DID itself):
 * {@code did:key:z<base58btc(multicodec prefix + key bytes)>}. Two key types: Ed25519 (multicodec {@code 0xed}, varint
 * {@code ed 01}, 32 key bytes) and P-256 (multicodec {@code 0x1200}, varint {@code 80 24}, 33 bytes: the
 * SEC1-compressed point, decompressed by Tink). Only the multibase and varint framing is written here; the curve
 * arithmetic is Tink's, the signature checks nimbus'.
 */
public final class DidKey {

    static final String PREFIX = "did:key:";
    private static final String BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final byte[] ED25519 = {(byte) 0xed, 0x01};
    private static final byte[] P256 = {(byte) 0x80, 0x24};
    /** Longer DIDs are not keys of the supported types: decoding stops before any work. */
    private static final int MAX_LENGTH = 200;

    private DidKey() {
    }

    public static boolean isDidKey(String did) {
        return did != null && did.startsWith(PREFIX);
    }

    /** The did:key for a public key of a supported type (tests and documentation examples make issuers with it). */
    public static String of(JWK key) {
        try {
            if (key instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())) {
                return PREFIX + "z" + base58(concat(ED25519, okp.getX().decode()));
            }
            if (key instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
                byte[] point = EllipticCurves.pointEncode(EllipticCurves.CurveType.NIST_P256,
                        EllipticCurves.PointFormatType.COMPRESSED, ec.toECPublicKey().getW());
                return PREFIX + "z" + base58(concat(P256, point));
            }
        } catch (GeneralSecurityException | com.nimbusds.jose.JOSEException e) {
            throw new IllegalArgumentException("not a usable key: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("only Ed25519 and P-256 keys have a did:key here");
    }

    /**
     * The DID's public key as a JWK.
     *
     * @throws IllegalArgumentException
     *             saying why the DID is no did:key of a supported type
     */
    public static JWK publicKey(String did) {
        if (!isDidKey(did)) {
            throw new IllegalArgumentException("not a did:key");
        }
        String identifier = did.substring(PREFIX.length());
        int fragment = identifier.indexOf('#');
        if (fragment >= 0) {
            identifier = identifier.substring(0, fragment);
        }
        if (identifier.length() < 2 || identifier.length() > MAX_LENGTH || identifier.charAt(0) != 'z') {
            throw new IllegalArgumentException("a did:key must be multibase base58btc (start with z)");
        }
        byte[] bytes = base58Decode(identifier.substring(1));
        if (startsWith(bytes, ED25519) && bytes.length == ED25519.length + 32) {
            return new OctetKeyPair.Builder(Curve.Ed25519,
                    Base64URL.encode(Arrays.copyOfRange(bytes, ED25519.length, bytes.length))).build();
        }
        if (startsWith(bytes, P256) && bytes.length == P256.length + 33) {
            try {
                ECPublicKey key = EllipticCurves.getEcPublicKey(EllipticCurves.CurveType.NIST_P256,
                        EllipticCurves.PointFormatType.COMPRESSED,
                        Arrays.copyOfRange(bytes, P256.length, bytes.length));
                return new ECKey.Builder(Curve.P_256, key).build();
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("the P-256 key in the did:key is not a point on the curve");
            }
        }
        throw new IllegalArgumentException("the did:key holds no Ed25519 (0xed) or P-256 (0x1200) public key");
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Base58 (Bitcoin alphabet): a big-endian number in base 58, each leading '1' a leading zero byte. */
    static byte[] base58Decode(String text) {
        BigInteger value = BigInteger.ZERO;
        BigInteger base = BigInteger.valueOf(58);
        int leadingZeros = 0;
        boolean leading = true;
        for (int i = 0; i < text.length(); i++) {
            int digit = BASE58_ALPHABET.indexOf(text.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("a did:key holds a character outside base58btc");
            }
            if (leading && digit == 0) {
                leadingZeros++;
            } else {
                leading = false;
            }
            value = value.multiply(base).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
        int skip = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
        byte[] out = new byte[leadingZeros + magnitude.length - skip];
        System.arraycopy(magnitude, skip, out, leadingZeros, magnitude.length - skip);
        return out;
    }

    static String base58(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        BigInteger value = new BigInteger(1, bytes);
        BigInteger base = BigInteger.valueOf(58);
        while (value.signum() > 0) {
            BigInteger[] division = value.divideAndRemainder(base);
            out.append(BASE58_ALPHABET.charAt(division[1].intValue()));
            value = division[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            out.append('1');
        }
        return out.reverse().toString();
    }
}
