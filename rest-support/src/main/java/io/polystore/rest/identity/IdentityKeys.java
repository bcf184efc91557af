package io.polystore.rest.identity;

import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the identity keys from configuration (PEM text, or paths of PEM files, separated by commas) and names each by
 * its {@code kid}: the first 16 characters of the base64url SHA-256 of the public key's X.509 encoding, so the gateway
 * and the services derive the same id from the same key without agreeing on names.
 */
public final class IdentityKeys {

    private static final Pattern PEM_BLOCK = Pattern
            .compile("-----BEGIN ([A-Z ]+)-----[\\s\\S]*?-----END \\1-----");

    private IdentityKeys() {
    }

    /** Every public key in {@code value}, by kid. */
    public static Map<String, PublicKey> publicKeys(String value) {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        for (String pem : pemBlocks(value, "IDENTITY_PUBLIC_KEYS")) {
            try {
                PublicKey key = KeyUtils.decodePublicKey(pem);
                keys.put(kid(key), key);
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new IllegalArgumentException("IDENTITY_PUBLIC_KEYS holds a key that is not an RSA public key "
                        + "in PEM (-----BEGIN PUBLIC KEY-----): " + e.getMessage(), e);
            }
        }
        return keys;
    }

    /** The one private key in {@code value} (PKCS#8 PEM, {@code -----BEGIN PRIVATE KEY-----}). */
    public static PrivateKey privateKey(String value) {
        List<String> blocks = pemBlocks(value, "GATEWAY_IDENTITY_PRIVATE_KEY");
        if (blocks.size() != 1) {
            throw new IllegalArgumentException("GATEWAY_IDENTITY_PRIVATE_KEY must hold exactly one private key, found "
                    + blocks.size());
        }
        try {
            return KeyUtils.decodePrivateKey(blocks.get(0));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "GATEWAY_IDENTITY_PRIVATE_KEY is not an RSA private key in PKCS#8 PEM: " + e.getMessage(), e);
        }
    }

    /** The public half of an RSA private key (the CRT form PKCS#8 files carry). */
    public static PublicKey publicKeyOf(PrivateKey privateKey) {
        if (!(privateKey instanceof RSAPrivateCrtKey rsa)) {
            throw new IllegalArgumentException("the identity private key must be an RSA key in CRT form (PKCS#8)");
        }
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String kid(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PEM blocks, read from the text itself or from the files it names. */
    static List<String> pemBlocks(String value, String variable) {
        List<String> blocks = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return blocks;
        }
        if (value.contains("-----BEGIN")) {
            addBlocks(value.replace("\\n", "\n"), blocks);
            return blocks;
        }
        for (String part : value.split(",")) {
            String path = part.strip();
            if (path.isEmpty()) {
                continue;
            }
            try {
                addBlocks(Files.readString(Path.of(path), StandardCharsets.US_ASCII), blocks);
            } catch (IOException e) {
                throw new UncheckedIOException(variable + " names " + path + ", which cannot be read", e);
            }
        }
        return blocks;
    }

    private static void addBlocks(String text, List<String> blocks) {
        Matcher matcher = PEM_BLOCK.matcher(text);
        while (matcher.find()) {
            blocks.add(matcher.group());
        }
    }
}
