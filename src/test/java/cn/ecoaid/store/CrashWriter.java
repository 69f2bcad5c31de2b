package cn.ecoaid.store;

import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteType;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Child process of {@link CrashTest}: writes sites to a workspace as fast as it can and prints each committed site's id
 * (after the commit returned) until it is killed. Batches of 20 print "B prefix"; single adds print "S id".
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        Random random = new Random(seed);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        try (Workspace ws = Workspace.open(file, Clock.systemUTC(), "crash")) {
            out.println("READY");
            for (int i = 0; ; i++) {
                String prefix = seed + "-" + i;
                if (random.nextBoolean()) {
                    List<Site> batch = new ArrayList<>();
                    for (int k = 0; k < 20; k++) {
                        batch.add(Site.create(prefix + "-" + k, "批量" + k, SiteType.AIR_STATION, 116 + random.nextDouble(),
                                39 + random.nextDouble()));
                    }
                    ws.sites().addAll(batch);
                    out.println("B " + prefix);
                } else {
                    Site s = Site.create(prefix, "单个", SiteType.WATER_SECTION, 117.0, 38.0);
                    ws.sites().add(s);
                    ws.sites().update(s.withName("已修改"));
                    out.println("S " + s.id());
                }
            }
        }
    }
}
