package cn.ecoaid.solution;

import cn.ecoaid.domain.EcoAidException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The device's Ed25519 signing key (JDK provider), kept in a key file outside the workspace (docs/decisions/0004):
 * a properties file with the PKCS#8 private key and the X.509 public key in Base64. Created on first use.
 */
public final class DeviceKey {
    public static final String ALGORITHM = "Ed25519";
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private DeviceKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** A fresh key pair that is not stored (tests, benchmarks). */
    public static DeviceKey generate() {
        KeyPair kp = cn.ecoaid.domain.Ed25519.generate();
        return new DeviceKey(kp.getPrivate(), kp.getPublic());
    }

    /**
     * The key pair of an Ed25519 private key in PKCS#8 (Base64), e.g. the key a workspace enrolled with. The JDK cannot
     * derive the public key directly, so the 32-byte seed at the end of the encoding is fed to the key generator, and
     * the result is checked to reproduce the given private key.
     */
    public static DeviceKey fromPrivateKey(String pkcs8Base64) {
        try {
            byte[] encoded = Base64.getDecoder().decode(pkcs8Base64.strip());
            if (encoded.length < 32) {
                throw new IllegalArgumentException("not an Ed25519 private key");
            }
            byte[] seed = java.util.Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
            KeyPairGenerator g = KeyPairGenerator.getInstance(ALGORITHM);
            g.initialize(java.security.spec.NamedParameterSpec.ED25519, new java.security.SecureRandom() {
                private static final long serialVersionUID = 1L;

                @Override
                public void nextBytes(byte[] bytes) {
                    System.arraycopy(seed, 0, bytes, 0, Math.min(bytes.length, seed.length));
                }
            });
            KeyPair kp = g.generateKeyPair();
            PrivateKey given = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(encoded));
            if (!java.util.Arrays.equals(seed, java.util.Arrays.copyOfRange(kp.getPrivate().getEncoded(),
                    kp.getPrivate().getEncoded().length - 32, kp.getPrivate().getEncoded().length))) {
                throw new IllegalArgumentException("seed mismatch");
            }
            return new DeviceKey(given, kp.getPublic());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new EcoAidException(e, "solution.error.deviceKey", "sync_state", e.getMessage());
        }
    }

    /** The default key file: {@code ~/.ecoaid/device-ed25519.properties}. */
    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".ecoaid", "device-ed25519.properties");
    }

    /** Reads the key file, creating it (owner-only permissions where supported) when absent. */
    public static DeviceKey loadOrCreate(Path file) {
        try {
            KeyPair k = cn.ecoaid.domain.Ed25519.loadOrCreate(file,
                    "EcoAid device signing key (Ed25519). Keep private; do not copy to another device.");
            return new DeviceKey(k.getPrivate(), k.getPublic());
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new EcoAidException(e, "solution.error.deviceKey", file, e.getMessage());
        }
    }

    /** Base64 of the X.509 (SubjectPublicKeyInfo) encoding. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** The first 16 hex digits of the SHA-256 of the public key, for people to compare. */
    public String fingerprint() {
        return fingerprint(publicKeyBase64());
    }

    public static String fingerprint(String publicKeyBase64) {
        return CanonicalJson.sha256(Base64.getDecoder().decode(publicKeyBase64)).substring(0, 16);
    }

    /** Base64 Ed25519 signature of {@code data}. */
    public String sign(byte[] data) {
        return cn.ecoaid.domain.Ed25519.sign(privateKey, data);
    }

    /** True when {@code signatureBase64} is a valid signature of {@code data} by {@code publicKeyBase64}. */
    public static boolean verify(String publicKeyBase64, byte[] data, String signatureBase64) {
        return cn.ecoaid.domain.Ed25519.verify(publicKeyBase64, data, signatureBase64);
    }
}
