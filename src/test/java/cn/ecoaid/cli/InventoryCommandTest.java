package cn.ecoaid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.Table;
import cn.ecoaid.io.TableFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryCommandTest {
    static final String EX = "sample-data/examples/inventory/";

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--lang";
        all[1] = "en";
        System.arraycopy(args, 0, all, 2, args.length);
        int s = Main.run(new PrintWriter(o), new PrintWriter(e), all);
        return new Run(s, o.toString(), e.toString());
    }

    static String cell(Table t, String header, int row) {
        return t.rows().get(row).get(t.headers().indexOf(header));
    }

    static Table find(Path file, String col0, String v0, String col1, String v1, String col2, String v2) {
        Table t = TableFiles.read(file);
        return new Table(t.headers(), t.rows().stream().filter(r -> r.get(t.headers().indexOf(col0)).equals(v0)
                && r.get(t.headers().indexOf(col1)).equals(v1) && r.get(t.headers().indexOf(col2)).equals(v2)).toList());
    }

    @Test
    void computesTheSampleInventory() {
        Path out = dir.resolve("totals.csv");
        Path details = dir.resolve("details.csv");
        Run r = run("inventory", "compute", "--activities", EX + "activities.csv", "--factors", EX + "factors.csv",
                "--out", out.toString(), "--details", details.toString());
        assertEquals(0, r.status(), r.err());
        // SO2 of 工业源 in 甲区: coal boiler B-1 38.08 t (see InventoryCalculatorTest) + diesel boiler B-2 500 t × 3 g/kg = 1.5 t
        Table so2 = find(out, "pollutant", "SO2", "category", "工业源", "county", "甲区");
        assertEquals(39.58, Double.parseDouble(cell(so2, "emitted_t", 0)), 1e-9);
        // mobile: 15 万辆 × 0.95 kg/vehicle = 142.5 t NOx
        Table nox = find(out, "pollutant", "NOx", "category", "移动源和油品储运销", "county", "乙县");
        assertEquals(142.5, Double.parseDouble(cell(nox, "emitted_t", 0)), 1e-9);
        // road dust: 1 200 km × 0.9 kg/km = 1 080 kg PM2.5, 洒水 46 % × 60 % → 1 080 × 0.724 = 781.92 kg
        Table dust = find(out, "pollutant", "PM2.5", "category", "扬尘源", "county", "甲区");
        assertEquals(0.78192, Double.parseDouble(cell(dust, "emitted_t", 0)), 1e-12);
        Table d = find(details, "record_id", "B-1", "pollutant", "SO2", "method", "MASS_BALANCE");
        assertEquals("T/CSES 144—2024", cell(d, "document", 0));
        assertTrue(cell(d, "clause", 0).contains("表C.1"));
    }

    @Test
    void anIncompatibleUnitFailsNamingTheRecord() throws Exception {
        Path acts = dir.resolve("bad.csv");
        Files.writeString(acts, "record_id,category,level2,level3,activity,unit\nX-99,工业源,柴油,燃油锅炉,5,m3\n");
        Run r = run("inventory", "compute", "--activities", acts.toString(), "--out", dir.resolve("o.csv").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("X-99") && r.err().contains("m3"), r.err());
    }

    @Test
    void badRowsAreListedWithRowAndColumn() throws Exception {
        Path acts = dir.resolve("bad.csv");
        Files.writeString(acts, "record_id,category,activity,unit\nA,工业源,abc,t\nB,工业源,5,furlong\n");
        Run r = run("inventory", "compute", "--activities", acts.toString(), "--out", dir.resolve("o.csv").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("Row 2") && r.err().contains("abc"), r.err());
        assertTrue(r.err().contains("Row 3") && r.err().contains("furlong"), r.err());
    }

    @Test
    void gridsTheSampleSourcesConservingMass() {
        Path out = dir.resolve("grid.csv");
        Run r = run("inventory", "grid", "--sources", EX + "grid-sources.csv", "--proxies", EX + "grid-proxies.csv",
                "--cell", "3000", "--out", out.toString(), "--date", "2026-01-05", "--hourly", dir.resolve("h.csv").toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("EPSG:4549"), r.out());
        Table t = TableFiles.read(out);
        double so2 = 0;
        for (Table.Row row : t.rows()) {
            String v = row.get(t.headers().indexOf("SO2_t"));
            so2 += v.isEmpty() ? 0 : Double.parseDouble(v);
        }
        // 120.5 + 38.08 + 12.0 t (the road has no SO2)
        assertEquals(170.58, so2, 1e-6);

        // the same grid as a GeoPackage of 3 km squares in the zone, with the same tonnes
        Path gpkg = dir.resolve("grid.gpkg");
        Run g = run("inventory", "grid", "--sources", EX + "grid-sources.csv", "--proxies", EX + "grid-proxies.csv",
                "--cell", "3000", "--out", gpkg.toString());
        assertEquals(0, g.status(), g.err());
        cn.ecoaid.geo.Layer layer = cn.ecoaid.map.LayerFiles.read(gpkg.toString(), null);
        assertEquals("EPSG:4549", layer.crs());
        assertEquals(t.rows().size(), layer.features().size());
        double so2g = 0;
        for (cn.ecoaid.geo.Feature f : layer.features()) {
            Object v = f.attributes().get("SO2_t");
            so2g += v == null ? 0 : ((Number) v).doubleValue();
            assertEquals(9_000_000, f.geometry().getArea(), 1e-6, "a 3 km square");
        }
        assertEquals(170.58, so2g, 1e-6);
    }

    @Test
    void runsTwoScenariosSideBySide() {
        Path out = dir.resolve("s.csv");
        Path side = dir.resolve("side.csv");
        Run r = run("inventory", "scenario", "--activities", EX + "activities.csv", "--factors", EX + "factors.csv",
                "--measures", EX + "measures.csv", "--out", out.toString(), "--side-by-side", side.toString());
        assertEquals(0, r.status(), r.err());
        Table s = TableFiles.read(side);
        assertEquals(List.of("pollutant", "base_t", "基准加严_t", "基准加严_reduction_pct", "深度治理_t", "深度治理_reduction_pct"),
                s.headers());
        // 深度治理 M2: S-1 VOCs factor 560 → 150 kg/t on 120 t, behind capture 0.40 × RTO 0.94 (η 0.376):
        // (67.2 − 18) t × 0.624 = 30.7008 t
        Table m2 = find(out, "scenario", "深度治理", "measure_id", "M2", "pollutant", "VOCs");
        assertEquals(30.7008, Double.parseDouble(cell(m2, "reduction_t", 0)), 1e-9);
    }

    /**
     * ghg.csv with AR5 (CH4 28, N2O 265): E1 52 000 TJ × 94.6 t/TJ = 4 919 200; E2 52 t × 28 = 1 456; E3 78 t × 265 =
     * 20 670; E4 8 000 × 69.3 = 554 400; E5 1 200 000 × 0.52 = 624 000; E6 150 000 × 47 kg = 7 050 t × 28 = 197 400;
     * E7 400 000 × 0.05 = 20 000 t × 28 = 560 000; total 6 877 126 t CO2e.
     */
    @Test
    void ghgComputeKcaAndUncertainty() {
        Path out = dir.resolve("g.csv");
        Run r = run("ghg", "compute", "--activities", EX + "ghg.csv", "--gwp", "AR5", "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("total 6877126 t CO2e"), r.out());
        Run k = run("ghg", "kca", "--activities", EX + "ghg.csv", "--base", EX + "ghg-base.csv", "--out", dir.resolve("k.csv").toString());
        assertEquals(0, k.status(), k.err());
        Table kt = TableFiles.read(dir.resolve("k.csv"));
        assertEquals("1.A.1 能源工业", cell(kt, "category", 0));
        assertEquals("level", cell(kt, "assessment", 0));
        Run u = run("ghg", "uncertainty", "--activities", EX + "ghg.csv", "--draws", "2000", "--seed", "5", "--out",
                dir.resolve("u.csv").toString());
        assertEquals(0, u.status(), u.err());
        // the trend of the total, from the two years' totals computed separately
        Run b = run("ghg", "compute", "--activities", EX + "ghg-base.csv", "--gwp", "AR5", "--out", dir.resolve("b.csv").toString());
        double baseTotal = Double.parseDouble(b.out().replaceAll("(?s).*total ([0-9.]+) t CO2e.*", "$1"));
        Run t = run("ghg", "uncertainty", "--activities", EX + "ghg.csv", "--base", EX + "ghg-base.csv", "--draws", "500",
                "--out", dir.resolve("t.csv").toString());
        assertEquals(0, t.status(), t.err());
        double trend = Double.parseDouble(t.out().replaceAll("(?s).*base year: ([-0-9.]+) %.*", "$1"));
        assertEquals((6_877_126 - baseTotal) / baseTotal * 100, trend, 1e-6);
        Run ser = run("ghg", "series", "--year", "2020=" + EX + "ghg-base.csv", "--year", "2025=" + EX + "ghg.csv",
                "--out", dir.resolve("ser.csv").toString());
        assertEquals(0, ser.status(), ser.err());
        Table st = TableFiles.read(dir.resolve("ser.csv"));
        List<String> last = st.rows().get(st.rows().size() - 1).cells();
        assertEquals(List.of("*", "*"), last.subList(0, 2));
        assertEquals(baseTotal, Double.parseDouble(last.get(2)), 1e-6);
        assertEquals(6_877_126, Double.parseDouble(last.get(3)), 1e-6);
        assertEquals(List.of("category", "gas", "2020_co2e_t", "2025_co2e_t"), st.headers());
        Table tt = TableFiles.read(dir.resolve("t.csv"));
        assertEquals(8, tt.rows().stream().filter(row -> row.get(0).equals("trend")).count());
    }

    @Test
    void anInventoryKeptInTheWorkspaceComputesLikeItsFiles() throws Exception {
        Path ws = dir.resolve("w.ecoaid");
        assertEquals(0, run("workspace", "init", ws.toString(), "--city-code", "340100", "--city-name", "示例市",
                "--name", "清单").status());
        Run saved = run("inventory", "save", "--workspace", ws.toString(), "--name", "2025基准", "--year", "2025",
                "--activities", EX + "activities.csv", "--factors", EX + "factors.csv", "--measures", EX + "measures.csv");
        assertEquals(0, saved.status(), saved.err());
        Run list = run("inventory", "list", "--workspace", ws.toString());
        assertTrue(list.out().contains("2025基准\t2025\tactivities=activities.csv, factors=factors.csv, measures=measures.csv"), list.out());
        Path fromFiles = dir.resolve("files.csv");
        Path fromWs = dir.resolve("ws.csv");
        assertEquals(0, run("inventory", "compute", "--activities", EX + "activities.csv", "--factors", EX + "factors.csv",
                "--out", fromFiles.toString()).status());
        Run r = run("inventory", "compute", "--workspace", ws.toString(), "--out", fromWs.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(TableFiles.read(fromFiles).rows(), TableFiles.read(fromWs).rows());
        Table so2 = find(fromWs, "pollutant", "SO2", "category", "工业源", "county", "甲区");
        assertEquals(39.58, Double.parseDouble(cell(so2, "emitted_t", 0)), 1e-9);
        // the stored measures are the default for scenarios
        Run sc = run("inventory", "scenario", "--workspace", ws.toString(), "--out", dir.resolve("sc.csv").toString());
        assertEquals(0, sc.status(), sc.err());
        Run both = run("inventory", "compute", "--workspace", ws.toString(), "--activities", EX + "activities.csv",
                "--out", fromWs.toString());
        assertEquals(1, both.status());
        assertTrue(both.err().contains("--activities or --workspace"), both.err());
    }

    @Test
    void aBadActivityFileNeverEntersTheWorkspace() throws Exception {
        Path ws = dir.resolve("w.ecoaid");
        assertEquals(0, run("workspace", "init", ws.toString(), "--city-code", "340100", "--city-name", "示例市",
                "--name", "清单").status());
        Path acts = dir.resolve("bad.csv");
        Files.writeString(acts, "record_id,category,activity,unit\nA,工业源,abc,t\n");
        Run r = run("inventory", "save", "--workspace", ws.toString(), "--name", "x", "--year", "2025",
                "--activities", acts.toString());
        assertEquals(1, r.status());
        assertEquals("", run("inventory", "list", "--workspace", ws.toString()).out());
    }
}
