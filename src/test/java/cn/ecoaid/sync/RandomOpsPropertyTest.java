package cn.ecoaid.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.ecoaid.domain.DuplicateCodeException;
import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteType;
import cn.ecoaid.solution.Measure;
import cn.ecoaid.solution.MeasureStatus;
import cn.ecoaid.solution.MeasureType;
import cn.ecoaid.solution.SolutionPackage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * SYNC.md's property test: three devices of one team run a random sequence of operations — creating sites (sometimes
 * with a code another device also used offline), renaming them, moving them, changing their admin code, deleting them,
 * adding and editing measures of a shared solution package — and sync at random moments, each seed a recorded case.
 * After the devices quiesce and sync to a fixpoint, every device equals the platform and every operation ever made is
 * applied, in a conflict, or rejected with its reason. A failure names the seed and the operations that led to it.
 */
class RandomOpsPropertyTest {
    private static final int STEPS = 70;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20261129, 424242})
    void randomOperationSequencesConverge(long seed) throws Exception {
        Random r = new Random(seed);
        List<String> log = new ArrayList<>();
        try (SyncHarness h = new SyncHarness(dir)) {
            List<SyncHarness.Device> devices = List.of(h.member("d0", h.teamA), h.member("d1", h.teamA), h.member("d2", h.teamA));
            // A shared package every device has, so measure edits can meet.
            SolutionPackage pkg = SolutionPackage.create(null, "方案", "示例市", "甲组");
            devices.get(0).ws().solutions().addPackage(pkg);
            SyncHarness.syncAll(devices);
            try {
                for (int step = 0; step < STEPS; step++) {
                    int d = r.nextInt(devices.size());
                    SyncHarness.Device dev = devices.get(d);
                    List<Site> sites = dev.ws().sites().list();
                    List<Measure> measures = dev.ws().solutions().measures(pkg.id());
                    int action = r.nextInt(10);
                    if (action == 0 || sites.isEmpty()) {
                        // Codes come from a small pool, so two devices sometimes create the same code offline.
                        String code = "S" + r.nextInt(12);
                        Site s = Site.create(code, "站" + step, SiteType.AIR_STATION, 116 + r.nextDouble(), 39 + r.nextDouble());
                        try {
                            dev.ws().sites().add(s);
                            log.add(step + ": d" + d + " add " + code);
                        } catch (DuplicateCodeException e) {
                            log.add(step + ": d" + d + " add " + code + " refused (live here)");
                        }
                    } else if (action == 1) {
                        Site s = sites.get(r.nextInt(sites.size()));
                        dev.ws().sites().update(s.withName("名" + r.nextInt(4)));
                        log.add(step + ": d" + d + " rename " + s.code());
                    } else if (action == 2) {
                        Site s = sites.get(r.nextInt(sites.size()));
                        dev.ws().sites().update(s.withAdminCode("1101" + String.format("%02d", r.nextInt(3))));
                        log.add(step + ": d" + d + " admin " + s.code());
                    } else if (action == 3) {
                        Site s = sites.get(r.nextInt(sites.size()));
                        dev.ws().sites().update(s.withCoordinates(116 + r.nextInt(3) * 0.5, 39.0));
                        log.add(step + ": d" + d + " move " + s.code());
                    } else if (action == 4) {
                        Site s = sites.get(r.nextInt(sites.size()));
                        dev.ws().sites().delete(s.id());
                        log.add(step + ": d" + d + " delete " + s.code());
                    } else if (action == 5) {
                        Measure m = new Measure(cn.ecoaid.domain.Ids.newId(), pkg.id(), "措施" + step, MeasureType.ENGINEERING, "工业",
                                "", "d" + d, null, null, null, Map.of(), null, MeasureStatus.PLANNED, List.of());
                        dev.ws().solutions().addMeasure(m);
                        log.add(step + ": d" + d + " add measure");
                    } else if (action == 6 && !measures.isEmpty()) {
                        Measure m = measures.get(r.nextInt(measures.size()));
                        Measure edited = new Measure(m.id(), m.packageId(), "措施" + r.nextInt(3), m.type(), m.sector(), m.sources(),
                                m.owner(), m.start(), m.end(), m.cost(), m.reductions(), m.scenario(),
                                MeasureStatus.values()[r.nextInt(MeasureStatus.values().length)], m.indicators());
                        dev.ws().solutions().updateMeasure(edited);
                        log.add(step + ": d" + d + " edit measure");
                    } else if (action <= 8) {
                        dev.engine().sync();
                        log.add(step + ": d" + d + " sync");
                    } else {
                        SyncHarness.syncAll(devices);
                        log.add(step + ": all sync");
                    }
                }
                SyncHarness.syncAll(devices);
                SyncHarness.syncAll(devices);
                h.assertConverged(h.teamA, devices);
                for (SyncHarness.Device dev : devices) {
                    assertEquals(SyncHarness.names(devices.get(0).ws()), SyncHarness.names(dev.ws()), "sites of " + dev.id());
                    assertEquals(byId(devices.get(0).ws().solutions().measures(pkg.id())), byId(dev.ws().solutions().measures(pkg.id())),
                            "measures of " + dev.id());
                }
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + " after: " + String.join("; ", log), e);
            }
        }
    }

    /** Measures in id order (each device places measures it received after its own). */
    private static Map<String, Measure> byId(List<Measure> measures) {
        Map<String, Measure> out = new java.util.TreeMap<>();
        measures.forEach(m -> out.put(m.id(), m));
        return out;
    }
}
