package io.polystore.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The RSA key pair of the gateway's identity tokens, for local runs and tests: PKCS#8 private key and X.509 public key
 * in PEM, the forms {@code GATEWAY_IDENTITY_PRIVATE_KEY} and {@code IDENTITY_PUBLIC_KEYS} take.
 *
 * <pre>
 * IdentityKeyPair &lt;directory&gt;   writes identity-private.pem (0600) and identity-public.pem unless both exist
 * </pre>
 */
public record IdentityKeyPair(String privateKeyPem, String publicKeyPem) {

    public static final String PRIVATE_FILE = "identity-private.pem";
    public static final String PUBLIC_FILE = "identity-public.pem";

    public static IdentityKeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new IdentityKeyPair(pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
                    pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: IdentityKeyPair <directory>");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        Path privateFile = dir.resolve(PRIVATE_FILE);
        Path publicFile = dir.resolve(PUBLIC_FILE);
        if (Files.exists(privateFile) && Files.exists(publicFile)) {
            return;
        }
        IdentityKeyPair pair = generate();
        Files.deleteIfExists(privateFile);
        Files.createFile(privateFile,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(privateFile, pair.privateKeyPem(), StandardCharsets.US_ASCII);
        Files.writeString(publicFile, pair.publicKeyPem(), StandardCharsets.US_ASCII);
        System.out.println("identity key pair written to " + dir);
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
