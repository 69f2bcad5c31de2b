package cn.ecoaid.sync;

import cn.ecoaid.protocol.ErrorCode;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the workbench reaches the platform (SYNC.md §15): HTTPS in production, with the platform's CA certificate pinned
 * at enrolment — then only certificates issued by that CA are accepted, whatever the machine's trust store says — and
 * plain HTTP only to a loopback address (a test platform on this machine). {@code ECOAID_ALLOW_PLAIN_HTTP=1} lifts the
 * loopback rule for a lab network; it is not for production.
 */
final class Transport {
    static final String ALLOW_PLAIN_HTTP = "ECOAID_ALLOW_PLAIN_HTTP";

    private Transport() {
    }

    /** An HTTP client for {@code base}: pinned to {@code caPem} when given, else the system's trust store. */
    static HttpClient client(URI base, Duration timeout, String caPem) {
        checkScheme(base, "1".equals(System.getenv(ALLOW_PLAIN_HTTP)));
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1);
        if (caPem != null && !caPem.isBlank()) {
            b.sslContext(pinned(caPem));
        }
        return b.build();
    }

    /** Refuses a scheme other than http/https, and plain http to anything but a loopback address unless allowed. */
    static void checkScheme(URI base, boolean allowPlainHttp) {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return;
        }
        if (!scheme.equals("http")) {
            throw new SyncException(ErrorCode.BAD_REQUEST, null, "sync.error.scheme", base);
        }
        if (!allowPlainHttp && !loopback(base.getHost())) {
            throw new SyncException(ErrorCode.BAD_REQUEST, null, "sync.error.plainHttp", base.getHost());
        }
    }

    private static boolean loopback(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A TLS context trusting exactly the certificates in {@code pem} (one CA, or a chain). */
    static SSLContext pinned(String pem) {
        try {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            if (certs.isEmpty()) {
                throw new SyncException(ErrorCode.BAD_REQUEST, null, "sync.error.caCert", "no certificate");
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (Certificate c : certs) {
                trust.setCertificateEntry("platform-ca-" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new SyncException(ErrorCode.BAD_REQUEST, e, "sync.error.caCert", String.valueOf(e.getMessage()));
        }
    }
}
