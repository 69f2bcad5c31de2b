package cn.ecoaid.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteType;
import cn.ecoaid.platform.PlatformServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Background sync: while the platform is down the scheduler keeps failing with growing waits and the changes stay
 * waiting; when it is back, a trigger sends them without any new local write.
 */
class SyncSchedulerTest {
    @TempDir
    Path dir;

    @Test
    void retriesOnTimerAndTriggerUntilThePlatformIsBack() throws Exception {
        try (SyncHarness h = new SyncHarness(dir)) {
            SyncHarness.Device a = h.member("a", h.teamA);
            int port = h.server.port();
            a.ws().sites().add(Site.create("S1", "一号站", SiteType.AIR_STATION, 116.0, 39.0));
            h.server.close();
            List<SyncScheduler.Outcome> outcomes = new CopyOnWriteArrayList<>();
            SyncEngine engine = new SyncEngine(a.ws(), h.uri, SyncEngine.Options.defaults().withAttempts(1, Duration.ofMillis(1))
                    .withTimeout(Duration.ofSeconds(2)), SyncEngine.NONE);
            try (SyncScheduler scheduler = new SyncScheduler(engine, Duration.ofMillis(50), Duration.ofMillis(400), outcomes::add)) {
                scheduler.start();
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (outcomes.size() < 4 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertTrue(outcomes.size() >= 4 && outcomes.stream().allMatch(o -> o.failure() != null), "failures while down: " + outcomes);
                assertEquals(3, a.ws().syncState().pendingCount(), "nothing marked synced without the server");
                try (PlatformServer again = new PlatformServer(h.store, dir.resolve("platform"), PlatformServer.Config.defaults(port))) {
                    again.start();
                    scheduler.trigger();
                    while (outcomes.stream().noneMatch(o -> o.report() != null) && System.nanoTime() < deadline) {
                        Thread.sleep(20);
                    }
                    assertEquals(0, a.ws().syncState().pendingCount());
                    assertTrue(outcomes.stream().anyMatch(o -> o.report() != null && o.report().acked() == 3));
                }
            }
        }
    }

    @Test
    void backgroundSyncRunsAfterEveryLocalChangeAndStopsWhenClosed() throws Exception {
        try (SyncHarness h = new SyncHarness(dir)) {
            assertTrue(SyncScheduler.background(h.workspace("unenrolled"), Duration.ofHours(1), Duration.ofHours(1), o -> { })
                    .isEmpty(), "no background sync without enrolment");
            SyncHarness.Device a = h.member("a", h.teamA);
            List<SyncScheduler.Outcome> outcomes = new CopyOnWriteArrayList<>();
            long deadline = System.nanoTime() + 20_000_000_000L;
            try (SyncScheduler s = SyncScheduler.background(a.ws(), Duration.ofHours(1), Duration.ofHours(1), outcomes::add)
                    .orElseThrow()) {
                while (outcomes.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertEquals(1, outcomes.size(), "the first run, at start");
                // The timer is an hour away: only the local change can start the next run.
                a.ws().sites().add(Site.create("S1", "一号站", SiteType.AIR_STATION, 116.0, 39.0));
                while (a.ws().syncState().pendingCount() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertEquals(0, a.ws().syncState().pendingCount(), "pushed by the run the change triggered");
                assertEquals(1, h.store.records(h.teamA, "site").size());
            }
            a.ws().sites().add(Site.create("S2", "二号站", SiteType.AIR_STATION, 116.1, 39.1));
            Thread.sleep(300);
            assertEquals(1, a.ws().syncState().pendingCount(), "closed: changes wait for the next sync");
        }
    }
}
