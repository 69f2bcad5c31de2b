package cn.ecoaid.sync;

import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteType;
import cn.ecoaid.store.Workspace;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * Child process of {@link SyncCrashTest}: writes sites (printing "C id" after each commit), then syncs, and halts with
 * {@code Runtime.halt} at the {@code n}-th passage of a named crash point — or runs on until the parent kills it.
 */
public final class SyncCrashChild {
    private SyncCrashChild() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        URI server = URI.create(args[1]);
        long seed = Long.parseLong(args[2]);
        String point = args[3];
        Random random = new Random(seed);
        int nth = 1 + random.nextInt(3);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        int[] hits = {0};
        SyncEngine.Hooks hooks = p -> {
            if (p.equals(point) && ++hits[0] == nth) {
                out.println("HALT " + p);
                Runtime.getRuntime().halt(77);
            }
        };
        try (Workspace ws = Workspace.open(file, Clock.systemUTC(), "child")) {
            SyncEngine engine = new SyncEngine(ws, server, SyncEngine.Options.defaults().withBatches(20, 20)
                    .withAttempts(3, Duration.ofMillis(20)), hooks);
            out.println("READY");
            for (int round = 0; ; round++) {
                int n = 1 + random.nextInt(30);
                for (int i = 0; i < n; i++) {
                    Site s = Site.create(seed + "-" + round + "-" + i, "子进程", SiteType.AIR_STATION, 116.0, 39.0);
                    ws.sites().add(s);
                    hooks.at("after-local-commit");
                    out.println("C " + s.id());
                    List<Site> all = ws.sites().list();
                    Site other = all.get(random.nextInt(all.size()));
                    ws.sites().update(other.withName("子改" + seed + "-" + i));
                }
                if (random.nextInt(3) == 0) {
                    byte[] data = new byte[20_000 + random.nextInt(60_000)];
                    random.nextBytes(data);
                    var a = ws.attachments().put(new ByteArrayInputStream(data), "f.bin", null, "", "");
                    out.println("A " + a.id());
                }
                engine.sync();
                out.println("SYNCED");
            }
        }
    }
}
