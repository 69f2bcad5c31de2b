package cn.ecoaid.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteType;
import cn.ecoaid.platform.PlatformServer;
import cn.ecoaid.platform.PlatformStore;
import cn.ecoaid.store.AttachmentStore;
import cn.ecoaid.store.Workspace;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network faults through a loopback proxy (cut requests, lost responses after the server's commit, resets, black holes,
 * delays, throttling) and server restarts mid-push and mid-upload on the same database: after quiescing, every device
 * equals the server and every op is accounted for.
 */
class NetworkFaultTest {
    @TempDir
    Path dir;

    private static SyncEngine.Options flaky() {
        return SyncEngine.Options.defaults().withBatches(40, 60).withAttempts(2, Duration.ofMillis(10))
                .withTimeout(Duration.ofMillis(1500));
    }

    /** Syncs until one run succeeds; returns the number of failed runs. */
    private static int syncUntilDone(SyncEngine e) {
        for (int failures = 0; failures < 300; failures++) {
            try {
                e.sync();
                return failures;
            } catch (SyncException ex) {
                assertTrue(ex.retryable(), "only network-type failures expected: " + ex.getMessage());
            }
        }
        throw new AssertionError("sync never succeeded through the proxy");
    }

    @Test
    void nothingIsLostThroughAFaultyNetwork() throws Exception {
        try (SyncHarness h = new SyncHarness(dir, PlatformServer.Config.defaults(0).withLimits(16 << 20, 1000, 32 << 10, 1 << 30),
                Clock.systemUTC(), null);
             FaultyProxy proxy = new FaultyProxy(h.server.port(), 20261129L, 1.0)) {
            URI via = URI.create("http://127.0.0.1:" + proxy.port());
            SyncHarness.Device a = h.member("a", h.teamA);
            SyncHarness.Device b = h.member("b", h.teamA);
            SyncEngine ea = new SyncEngine(a.ws(), via, flaky(), SyncEngine.NONE);
            SyncEngine eb = new SyncEngine(b.ws(), via, flaky(), SyncEngine.NONE);
            Random random = new Random(5);
            byte[] big = new byte[200_000];
            random.nextBytes(big);
            AttachmentStore.Attachment att = a.ws().attachments().put(new ByteArrayInputStream(big), "photo.jpg", "image/jpeg", "", "");
            int failures = 0;
            for (int round = 0; round < 4; round++) {
                for (SyncHarness.Device d : List.of(a, b)) {
                    List<Site> batch = new ArrayList<>();
                    for (int i = 0; i < 60; i++) {
                        batch.add(Site.create(d.id().substring(0, 6) + "-" + round + "-" + i, "站", SiteType.AIR_STATION,
                                116 + random.nextDouble(), 39 + random.nextDouble()));
                    }
                    d.ws().sites().addAll(batch);
                    List<Site> all = d.ws().sites().list();
                    for (int k = 0; k < 20; k++) {
                        Site s = all.get(random.nextInt(all.size()));
                        d.ws().sites().update(s.withName("改" + round + "-" + k));
                    }
                }
                failures += syncUntilDone(ea);
                failures += syncUntilDone(eb);
            }
            proxy.faults(false);
            for (int i = 0; i < 2; i++) {
                syncUntilDone(ea);
                syncUntilDone(eb);
            }
            h.assertConverged(h.teamA, List.of(a, b));
            assertTrue(Files.isRegularFile(b.ws().attachments().path(att)), "the attachment reached b");
            assertEquals(SyncEngine.hexFile(a.ws().attachments().path(att)), SyncEngine.hexFile(b.ws().attachments().path(att)));
            assertTrue(proxy.total() >= 10, "faults injected: " + proxy.injected);
            assertTrue(failures >= 3, "some runs must have failed: " + failures);
            assertEquals(8 * 60, a.ws().sites().count());
        }
    }

    @Test
    void serverRestartsMidPushAndMidUploadLoseNothing() throws Exception {
        SyncHarness h = new SyncHarness(dir, PlatformServer.Config.defaults(0).withLimits(16 << 20, 1000, 16 << 10, 1 << 30),
                Clock.systemUTC(), null);
        int port = h.server.port();
        String url = h.jdbcUrl();
        SyncHarness.Device a = h.member("a", h.teamA);
        List<Site> sites = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            sites.add(Site.create("R" + i, "站" + i, SiteType.AIR_STATION, 116.0, 39.0));
        }
        a.ws().sites().addAll(sites);
        byte[] big = new byte[100_000];
        new Random(3).nextBytes(big);
        a.ws().attachments().put(new ByteArrayInputStream(big), "big.bin", null, "", "");
        PlatformServer[] current = {h.server};
        PlatformStore[] store = {h.store};
        AtomicInteger pushes = new AtomicInteger();
        AtomicInteger chunks = new AtomicInteger();
        Runnable restart = () -> {
            current[0].close();
            store[0].close();
            store[0] = PlatformStore.open(url, Clock.systemUTC());
            current[0] = new PlatformServer(store[0], dir.resolve("platform"),
                    PlatformServer.Config.defaults(port).withLimits(16 << 20, 1000, 16 << 10, 1 << 30));
            current[0].start();
        };
        SyncEngine.Hooks hooks = point -> {
            if (point.equals("blob-after-chunk") && chunks.incrementAndGet() == 3) {
                restart.run();
            }
            if (point.equals("push-after-response") && pushes.incrementAndGet() == 2) {
                // The server committed the batch; it restarts before the device stores the answer.
                restart.run();
                throw new IllegalStateException("ack lost");
            }
        };
        SyncEngine e = new SyncEngine(a.ws(), h.uri, SyncEngine.Options.defaults().withAttempts(8, Duration.ofMillis(50)), hooks);
        try {
            e.sync();
        } catch (IllegalStateException expected) {
            // the lost ack
        }
        SyncEngine.Report r = e.sync();
        assertTrue(r.duplicates() >= 500, "the batch whose ack was lost comes back DUPLICATE: " + r.duplicates());
        try (Workspace ignored = null) {
            SyncHarness check = h;
            // The harness's store was closed by the restart; check against the reopened one.
            assertEquals(0, a.ws().syncState().pendingCount());
            assertEquals(1200, store[0].records(check.teamA, "site").size());
            assertEquals(1, store[0].records(check.teamA, "attachment").size());
            assertTrue(store[0].verifyAudit() > 1200, "audit chain intact across restarts");
            assertEquals(a.ws().syncState().opStates().size(), store[0].results(a.id()).size());
        }
        current[0].close();
        store[0].close();
        a.ws().close();
    }
}
