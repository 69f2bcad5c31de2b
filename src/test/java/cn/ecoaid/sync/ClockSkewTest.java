package cn.ecoaid.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteType;
import cn.ecoaid.protocol.Dto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Device clocks three days ahead and three days behind, with a backward jump of six days in the middle of a session,
 * give exactly the result of the same script without skew: the same values, the same conflicts, the same order of
 * revisions. Client time is for display only.
 */
class ClockSkewTest {
    @TempDir
    Path dir;

    /** A clock whose offset from real time can change while in use. */
    static final class ShiftClock extends Clock {
        volatile Duration offset;

        ShiftClock(Duration offset) {
            this.offset = offset;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    private Map<String, String> script(Path where, ShiftClock clockA, ShiftClock clockB, Duration jumpA) throws Exception {
        Files.createDirectories(where);
        try (SyncHarness h = new SyncHarness(where)) {
            SyncHarness.Device a = h.member("a", h.teamA, clockA);
            SyncHarness.Device b = h.member("b", h.teamA, clockB);
            for (int i = 1; i <= 5; i++) {
                a.ws().sites().add(Site.create("S" + i, "站" + i, SiteType.AIR_STATION, 116.0 + i, 39.0));
            }
            a.engine().sync();
            b.engine().sync();
            Map<String, Site> onA = a.ws().sites().list().stream().collect(Collectors.toMap(Site::code, s -> s));
            Map<String, Site> onB = b.ws().sites().list().stream().collect(Collectors.toMap(Site::code, s -> s));
            b.ws().sites().update(onB.get("S1").withName("乙"));
            a.ws().sites().update(onA.get("S1").withName("甲"));
            b.ws().sites().update(onB.get("S2").withCoordinates(120.5, 30.5));
            a.ws().sites().delete(onA.get("S3").id());
            clockA.offset = clockA.offset.plus(jumpA);
            a.ws().sites().update(onA.get("S4").withName("四号（改）"));
            b.ws().sites().update(onB.get("S4").withAdminCode("110108"));
            b.engine().sync();
            a.engine().sync();
            SyncHarness.syncAll(List.of(a, b));
            h.assertConverged(h.teamA, List.of(a, b));

            Map<String, String> out = new TreeMap<>();
            Map<String, String> codeOf = new TreeMap<>();
            for (Dto.RemoteChange r : h.store.records(h.teamA, "site").values()) {
                String code = r.data().get("code").asText();
                codeOf.put(r.entityId(), code);
                out.put(code, r.data().get("name").asText() + "|" + r.data().get("longitude") + "|" + r.data().get("admin_code")
                        + "|" + r.deleted() + "|rev " + r.rev());
            }
            for (Dto.Conflict k : h.store.conflicts(java.util.Set.of(h.teamA), null)) {
                out.put("conflict " + codeOf.get(k.entityId()) + " " + k.kind(), k.fields().toString() + " rev " + k.rev());
            }
            return out;
        }
    }

    @Test
    void skewedAndJumpingClocksChangeNothing() throws Exception {
        Map<String, String> plain = script(dir.resolve("plain"), new ShiftClock(Duration.ZERO), new ShiftClock(Duration.ZERO),
                Duration.ZERO);
        Map<String, String> skewed = script(dir.resolve("skewed"), new ShiftClock(Duration.ofDays(3)),
                new ShiftClock(Duration.ofDays(-3)), Duration.ofDays(-6));
        assertEquals(plain, skewed);
        assertTrue(plain.get("S1").startsWith("乙|"), "b pushed first, so the server keeps b's name: " + plain);
        assertTrue(plain.keySet().stream().anyMatch(k -> k.startsWith("conflict S1 FIELDS")));
        assertTrue(plain.get("S3").contains("|true|"), "S3 deleted");
        assertTrue(plain.get("S4").startsWith("四号（改）|") && plain.get("S4").contains("110108"), "disjoint edits merge");
    }
}
