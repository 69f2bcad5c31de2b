package cn.ecoaid.domain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Properties;

/**
 * Ed25519 signatures with the JDK provider, shared by the device's signing key (solution.DeviceKey) and the platform's
 * countersigning key: key files, signing and verifying, keys and signatures in Base64 (X.509 / PKCS#8 encodings).
 */
public final class Ed25519 {
    public static final String ALGORITHM = "Ed25519";

    private Ed25519() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a key file (properties {@code private} and {@code public} in Base64), creating it with a new key pair and
     * owner-only permissions (where supported) when absent; the new file appears atomically.
     */
    public static KeyPair loadOrCreate(Path file, String comment) throws IOException, GeneralSecurityException {
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            KeyFactory kf = KeyFactory.getInstance(ALGORITHM);
            PrivateKey priv = kf.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(p.getProperty("private", ""))));
            PublicKey pub = kf.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(p.getProperty("public", ""))));
            return new KeyPair(pub, priv);
        }
        KeyPair k = generate();
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".key-", ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // Windows: the file stays in the user's profile
        }
        String text = "# " + comment + "\n"
                + "algorithm=" + ALGORITHM + "\n"
                + "private=" + Base64.getEncoder().encodeToString(k.getPrivate().getEncoded()) + "\n"
                + "public=" + Base64.getEncoder().encodeToString(k.getPublic().getEncoded()) + "\n";
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        return k;
    }

    public static String publicKeyBase64(KeyPair k) {
        return Base64.getEncoder().encodeToString(k.getPublic().getEncoded());
    }

    /** Base64 Ed25519 signature of {@code data}. */
    public static String sign(PrivateKey key, byte[] data) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(data);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code signatureBase64} is a valid signature of {@code data} by {@code publicKeyBase64}. */
    public static boolean verify(String publicKeyBase64, byte[] data, String signatureBase64) {
        if (publicKeyBase64 == null || signatureBase64 == null) {
            return false;
        }
        try {
            PublicKey pub = KeyFactory.getInstance(ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(pub);
            s.update(data);
            return s.verify(Base64.getDecoder().decode(signatureBase64.strip()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
