package cn.ecoaid.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.Site;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM writing sites is killed with SIGKILL at random moments, 50 times, on the same workspace. After each kill the
 * workspace passes {@code PRAGMA integrity_check}, every site whose commit returned is there with its outbox rows, and
 * every batch is there whole or not at all.
 */
class CrashTest {
    static final int KILLS = 50;

    @TempDir
    Path dir;

    private static Map<String, Integer> operationsPerRecord(Path file) throws java.sql.SQLException {
        Map<String, Integer> out = new java.util.HashMap<>();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             var s = c.createStatement();
             var rs = s.executeQuery("SELECT entity_id, count(*) FROM outbox GROUP BY entity_id")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    @Test
    void killedWriterLosesNothingCommitted() throws Exception {
        Path file;
        try (Workspace ws = TestWorkspaces.create(dir)) {
            file = ws.file();
        }
        Random random = new Random(20261128L);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> committedSingles = new ArrayList<>();
        List<String> committedBatches = new ArrayList<>();
        int killedMidWrite = 0;
        for (int i = 0; i < KILLS; i++) {
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    "-Dlogback.configurationFile=logback-test.xml", CrashWriter.class.getName(), file.toString(),
                    Long.toString(i)).redirectError(dir.resolve("child-" + i + ".err").toFile()).start();
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (java.io.IOException ignored) {
                    // the process died
                }
            });
            reader.start();
            // generous: on a loaded CI machine a JVM start can take long; the kill timing starts at READY
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!lines.contains("READY") && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(5);
            }
            if (!lines.contains("READY")) {
                p.destroyForcibly();
                String err = Files.readString(dir.resolve("child-" + i + ".err"));
                throw new AssertionError("child " + i + " did not start (alive " + p.isAlive() + "): "
                        + err.substring(Math.max(0, err.length() - 2000)));
            }
            Thread.sleep(random.nextInt(400));
            p.destroyForcibly(); // SIGKILL on Linux
            p.waitFor();
            reader.join();
            for (String line : lines) {
                if (line.startsWith("S ")) {
                    committedSingles.add(line.substring(2));
                } else if (line.startsWith("B ")) {
                    committedBatches.add(line.substring(2));
                }
            }
            if (lines.size() > 1) {
                killedMidWrite++;
            }
            try (Workspace ws = Workspace.open(file, TestWorkspaces.CLOCK, "check")) {
                assertEquals("ok", ws.integrityCheck(), "after kill " + i);
                Map<String, Site> byCode = ws.sites().list().stream().collect(Collectors.toMap(Site::code, Function.identity()));
                Map<String, Site> byId = ws.sites().list().stream().collect(Collectors.toMap(Site::id, Function.identity()));
                Map<String, Integer> ops = operationsPerRecord(file);
                for (String id : committedSingles) {
                    Site s = byId.get(id);
                    assertTrue(s != null, "committed site lost after kill " + i);
                    assertEquals("已修改", s.name());
                    assertEquals(2, ops.getOrDefault(id, 0), "outbox rows of a committed site");
                }
                for (String prefix : committedBatches) {
                    for (int k = 0; k < 20; k++) {
                        assertTrue(byCode.containsKey(prefix + "-" + k), "committed batch incomplete after kill " + i);
                    }
                }
                // Batches whose commit did not return must be whole or absent.
                Map<String, Long> perBatch = byCode.keySet().stream().filter(c -> c.chars().filter(ch -> ch == '-').count() == 2)
                        .collect(Collectors.groupingBy(c -> c.substring(0, c.lastIndexOf('-')), Collectors.counting()));
                perBatch.forEach((prefix, n) -> assertEquals(20L, n, "partial batch " + prefix));
                // Every live site has its outbox row: no write committed without its operation.
                for (Site s : byId.values()) {
                    assertTrue(ops.containsKey(s.id()), "site without outbox row");
                }
            }
        }
        assertTrue(committedSingles.size() + committedBatches.size() > KILLS, "the writer must have committed work");
        assertTrue(killedMidWrite > KILLS / 2, "most kills must land while writing, not before: " + killedMidWrite);
    }
}
