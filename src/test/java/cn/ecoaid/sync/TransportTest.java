package cn.ecoaid.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.ecoaid.protocol.Dto;
import cn.ecoaid.protocol.ErrorCode;
import cn.ecoaid.protocol.Wire;
import cn.ecoaid.store.TestWorkspaces;
import cn.ecoaid.store.Workspace;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SYNC.md §15: plain HTTP only to loopback; over HTTPS, a pinned CA certificate is the only trust — a platform whose
 * certificate that CA issued is reached, one whose certificate another CA issued is refused, and without a pin a private
 * CA is not trusted. Certificates are made for the test with the JDK's keytool.
 */
class TransportTest {
    private static final String PASS = "changeit";

    @TempDir
    Path dir;

    @Test
    void plainHttpOnlyToLoopback() {
        Transport.checkScheme(URI.create("http://127.0.0.1:8765"), false);
        Transport.checkScheme(URI.create("http://localhost:8765"), false);
        Transport.checkScheme(URI.create("https://10.1.2.3"), false);
        SyncException lan = assertThrows(SyncException.class, () -> Transport.checkScheme(URI.create("http://10.1.2.3:8765"), false));
        assertEquals("sync.error.plainHttp", lan.key());
        Transport.checkScheme(URI.create("http://10.1.2.3:8765"), true);
        assertEquals("sync.error.scheme", assertThrows(SyncException.class,
                () -> Transport.checkScheme(URI.create("ftp://127.0.0.1"), false)).key());
        assertEquals("sync.error.caCert", assertThrows(SyncException.class, () -> Transport.pinned("not a certificate")).key());
    }

    @Test
    void aPinnedCaIsTheOnlyTrust() throws Exception {
        String caPem = makeCa("ca");
        String otherPem = makeCa("other");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-validity", "2", "-keystore", dir.resolve("server.p12").toString(), "-storepass", PASS);
        Files.writeString(dir.resolve("server.csr"), keytool("-certreq", "-alias", "server",
                "-keystore", dir.resolve("server.p12").toString(), "-storepass", PASS));
        String serverPem = keytool("-gencert", "-alias", "ca", "-keystore", dir.resolve("ca.p12").toString(),
                "-storepass", PASS, "-infile", dir.resolve("server.csr").toString(), "-rfc", "-validity", "2",
                "-ext", "san=ip:127.0.0.1");
        Files.writeString(dir.resolve("ca.pem"), caPem);
        Files.writeString(dir.resolve("server.pem"), serverPem);
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", dir.resolve("ca.pem").toString(),
                "-keystore", dir.resolve("server.p12").toString(), "-storepass", PASS);
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", dir.resolve("server.pem").toString(),
                "-keystore", dir.resolve("server.p12").toString(), "-storepass", PASS);

        HttpsServer server = httpsServer(dir.resolve("server.p12"));
        try (Workspace ws = Workspace.create(dir.resolve("w.ecoaid"), TestWorkspaces.sampleProject(), TestWorkspaces.CLOCK, "t")) {
            URI uri = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
            SyncEngine.Options quick = SyncEngine.Options.defaults().withAttempts(1, Duration.ofMillis(1));
            SyncException untrusted = assertThrows(SyncException.class,
                    () -> new SyncEngine(ws, uri, quick, SyncEngine.NONE).platformStatus());
            assertEquals(ErrorCode.UNAVAILABLE, untrusted.code(), "a private CA is not in the system trust store");

            ws.syncState().put("ca_cert", otherPem);
            assertEquals(ErrorCode.UNAVAILABLE, assertThrows(SyncException.class,
                    () -> new SyncEngine(ws, uri, quick, SyncEngine.NONE).platformStatus()).code(), "pinned to another CA");

            ws.syncState().put("ca_cert", caPem);
            Dto.Status st = new SyncEngine(ws, uri, quick, SyncEngine.NONE).platformStatus();
            assertEquals("v1", st.api());
            assertEquals(42, st.highWater());
        } finally {
            server.stop(0);
        }
    }

    private String makeCa(String name) throws Exception {
        Path store = dir.resolve(name + ".p12");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=EcoAid test " + name,
                "-ext", "bc:c", "-validity", "2", "-keystore", store.toString(), "-storepass", PASS);
        return keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", store.toString(), "-storepass", PASS);
    }

    private static String keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[] out;
        try (InputStream in = p.getInputStream()) {
            out = in.readAllBytes();
        }
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + ": " + err);
        }
        return new String(out, StandardCharsets.US_ASCII);
    }

    private static HttpsServer httpsServer(Path keystore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASS.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASS.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        HttpsServer s = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(ctx));
        s.createContext(Wire.STATUS, ex -> {
            byte[] body = Wire.write(new Dto.Status("v1", 42));
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        s.start();
        return s;
    }
}
