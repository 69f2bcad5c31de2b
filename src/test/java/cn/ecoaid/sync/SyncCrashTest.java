package cn.ecoaid.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteType;
import cn.ecoaid.platform.PlatformServer;
import cn.ecoaid.store.TestWorkspaces;
import cn.ecoaid.store.Workspace;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client in a child JVM halts at named crash points (after a local commit, before sending a push, after the server
 * answered but before the answer is stored, after storing it, before and after applying a pulled page, between blob
 * chunks) or is killed at a random moment. After every crash the workspace is sound, every committed site is there, and
 * after syncing to a fixpoint the device, a second device and the server agree and every op is accounted for.
 * Iterations: {@value #DEFAULT_ITERATIONS} by default (a child JVM costs about a second here); set
 * {@code -Decoaid.syncCrash.iterations=N} for a shorter or longer run (SYNC.md asks for at least 200).
 */
class SyncCrashTest {
    static final int DEFAULT_ITERATIONS = 200;
    static final List<String> POINTS = List.of("after-local-commit", "push-before-send", "push-after-response", "push-after-ack",
            "pull-before-apply", "pull-after-apply", "blob-after-chunk", "random-kill");

    @TempDir
    Path dir;

    @Test
    void crashesAtEveryPointLoseNothing() throws Exception {
        int iterations = Integer.getInteger("ecoaid.syncCrash.iterations", DEFAULT_ITERATIONS);
        try (SyncHarness h = new SyncHarness(dir, PlatformServer.Config.defaults(0).withLimits(16 << 20, 1000, 16 << 10, 1 << 30),
                Clock.systemUTC(), null)) {
            Path file = dir.resolve("child.ecoaid");
            String deviceId;
            try (Workspace ws = Workspace.create(file, TestWorkspaces.sampleProject(), Clock.systemUTC(), "child")) {
                deviceId = new SyncEngine(ws, h.uri).enrol(h.code(h.user("child", cn.ecoaid.protocol.Dto.Role.MEMBER, h.teamA)),
                        "child").deviceId();
            }
            SyncHarness.Device b = h.member("b", h.teamA);
            Random random = new Random(20261129L);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> committed = new ArrayList<>();
            Map<String, Integer> halted = new TreeMap<>();
            for (int i = 0; i < iterations; i++) {
                // The other device changes some of the shared sites, so the child has pages to pull.
                List<Site> bs = b.ws().sites().list();
                for (int k = 0; k < 5 && !bs.isEmpty(); k++) {
                    Site s = bs.get(random.nextInt(bs.size()));
                    b.ws().sites().update(s.withAdminCode("11" + String.format("%04d", random.nextInt(10000))));
                }
                b.ws().sites().add(Site.create("B-" + i, "乙", SiteType.WATER_SECTION, 117.0, 38.0));
                b.engine().sync();

                String point = POINTS.get(i % POINTS.size());
                Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                        "-Dlogback.configurationFile=logback-test.xml", SyncCrashChild.class.getName(), file.toString(),
                        h.uri.toString(), Long.toString(1000L + i), point).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                List<String> lines = new CopyOnWriteArrayList<>();
                Thread reader = new Thread(() -> {
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = r.readLine()) != null; ) {
                            lines.add(line);
                        }
                    } catch (java.io.IOException ignored) {
                        // the child died
                    }
                });
                reader.start();
                long deadline = System.nanoTime() + 60_000_000_000L;
                if (point.equals("random-kill")) {
                    while (!lines.contains("READY") && p.isAlive() && System.nanoTime() < deadline) {
                        Thread.sleep(5);
                    }
                    Thread.sleep(random.nextInt(700));
                    p.destroyForcibly();
                } else {
                    // Named points are reached within a few sync rounds; kill a child that never reaches its point.
                    while (p.isAlive() && System.nanoTime() < deadline && lines.stream().filter("SYNCED"::equals).count() < 4) {
                        Thread.sleep(5);
                    }
                    p.destroyForcibly();
                }
                p.waitFor();
                reader.join();
                lines.stream().filter(l -> l.startsWith("HALT ")).forEach(l -> halted.merge(l.substring(5), 1, Integer::sum));
                lines.stream().filter(l -> l.startsWith("C ")).forEach(l -> committed.add(l.substring(2)));

                try (Workspace ws = Workspace.open(file, Clock.systemUTC(), "check")) {
                    assertEquals("ok", ws.integrityCheck(), "after " + point + " in iteration " + i);
                    for (String id : committed) {
                        assertTrue(ws.sites().get(id).isPresent(), "committed site lost after " + point + " in iteration " + i);
                    }
                    SyncHarness.Device a = new SyncHarness.Device(ws, new SyncEngine(ws, h.uri,
                            SyncEngine.Options.defaults().withAttempts(3, Duration.ofMillis(20)), SyncEngine.NONE), deviceId);
                    SyncHarness.syncAll(List.of(a, b));
                    h.assertConverged(h.teamA, List.of(a, b));
                }
            }
            assertTrue(committed.size() > iterations, "the children committed work: " + committed.size());
            for (String point : POINTS) {
                if (!point.equals("random-kill") && !point.equals("blob-after-chunk")) {
                    assertTrue(halted.getOrDefault(point, 0) > 0, "never halted at " + point + ": " + halted);
                }
            }
        }
    }
}
