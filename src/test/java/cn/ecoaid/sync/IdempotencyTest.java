package cn.ecoaid.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteType;
import cn.ecoaid.protocol.Dto;
import cn.ecoaid.protocol.Wire;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every push request replayed, old batches after new ones, overlapping batches and a seq gap: each op is applied exactly
 * once, replays answer DUPLICATE with the original revision, a gap is answered 409 with the expected seq, and a normal
 * sync afterwards converges.
 */
class IdempotencyTest {
    @TempDir
    Path dir;

    @Test
    void duplicatedAndReorderedPushesApplyEachOpOnce() throws Exception {
        try (SyncHarness h = new SyncHarness(dir)) {
            SyncHarness.Device a = h.member("a", h.teamA);
            for (int i = 0; i < 10; i++) {
                a.ws().sites().add(Site.create("S" + i, "站" + i, SiteType.AIR_STATION, 116.0 + i, 39.0));
            }
            List<Dto.Op> ops = a.ws().syncState().pending(100).stream().map(SyncEngine::toWire).toList();
            int n = ops.size();
            assertEquals(12, n, "the project, its team member and ten sites");
            Raw raw = new Raw(h.uri);
            String token = Raw.token(a, h.uri);
            Dto.PushRequest first = new Dto.PushRequest(a.id(), "b1", ops.get(0).seq(), ops.subList(0, 5));
            Dto.PushRequest second = new Dto.PushRequest(a.id(), "b2", ops.get(5).seq(), ops.subList(5, n));
            Dto.PushResponse r1 = raw.post(Wire.PUSH, first, token).as(Dto.PushResponse.class);
            Dto.PushResponse r2 = raw.post(Wire.PUSH, second, token).as(Dto.PushResponse.class);
            r1.results().forEach(r -> assertEquals(Dto.OpStatus.APPLIED, r.status()));
            r2.results().forEach(r -> assertEquals(Dto.OpStatus.APPLIED, r.status()));
            assertEquals(n, h.store.highWater());

            // The old batch after the new one, twice, and an overlapping batch: nothing is applied again.
            for (Dto.PushRequest replay : List.of(first, second, first,
                    new Dto.PushRequest(a.id(), "b3", ops.get(3).seq(), ops.subList(3, 8)))) {
                Dto.PushResponse again = raw.post(Wire.PUSH, replay, token).as(Dto.PushResponse.class);
                for (Dto.OpResult r : again.results()) {
                    assertEquals(Dto.OpStatus.DUPLICATE, r.status());
                    assertEquals("APPLIED", r.code());
                    Dto.OpResult original = (r1.results().stream().anyMatch(x -> x.opId().equals(r.opId())) ? r1 : r2).results()
                            .stream().filter(x -> x.opId().equals(r.opId())).findFirst().orElseThrow();
                    assertEquals(original.rev(), r.rev(), "a replay answers the original revision");
                }
            }
            assertEquals(n, h.store.highWater(), "replays add no revision");

            // A gap: the op after the next one is refused with the seq the server expects.
            a.ws().sites().add(Site.create("S10", "站10", SiteType.AIR_STATION, 117.0, 39.0));
            a.ws().sites().add(Site.create("S11", "站11", SiteType.AIR_STATION, 117.1, 39.0));
            List<Dto.Op> more = a.ws().syncState().pending(100).stream().map(SyncEngine::toWire).toList();
            Dto.Op last = more.get(more.size() - 1);
            Raw.Response gap = raw.post(Wire.PUSH, new Dto.PushRequest(a.id(), "b4", last.seq(), List.of(last)), token);
            assertEquals(409, gap.status());
            assertEquals("SEQ_GAP", gap.code());
            assertEquals(more.get(more.size() - 2).seq(), gap.as(Dto.ErrorBody.class).expectedSeq());

            // The device never stored those acks: a normal sync resends all and gets DUPLICATE for the first n.
            SyncEngine.Report report = a.engine().sync();
            assertEquals(n, report.duplicates());
            assertEquals(n + 2, report.acked());
            assertEquals(n + 2, h.store.highWater());
            assertEquals(n + 2, h.store.results(a.id()).size());
            h.assertConverged(h.teamA, List.of(a));
        }
    }
}
