package cn.ecoaid.sync;

import cn.ecoaid.domain.Site;
import cn.ecoaid.store.Workspace;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Child process of {@link DoneMeansTest}: a member's laptop renames site {@code args[2]} and moves site {@code args[3]}
 * offline (printing "C" after the commits), then syncs and loses power ({@code Runtime.halt}) at crash point
 * {@code args[4]}.
 */
public final class DoneScenarioChild {
    private DoneScenarioChild() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        String point = args[4];
        SyncEngine.Hooks hooks = p -> {
            if (p.equals(point)) {
                out.println("HALT " + p);
                Runtime.getRuntime().halt(77);
            }
        };
        try (Workspace ws = Workspace.open(Path.of(args[0]), Clock.systemUTC(), "a")) {
            Site s1 = ws.sites().get(args[2]).orElseThrow();
            Site s2 = ws.sites().get(args[3]).orElseThrow();
            ws.sites().update(s1.withName("甲改名"));
            ws.sites().update(s2.withCoordinates(116.25, 39.25));
            out.println("C");
            new SyncEngine(ws, URI.create(args[1]), SyncEngine.Options.defaults().withAttempts(3, Duration.ofMillis(20)), hooks).sync();
            out.println("SYNCED");
        }
    }
}
