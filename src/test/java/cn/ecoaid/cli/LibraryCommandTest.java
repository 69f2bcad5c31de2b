package cn.ecoaid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.Table;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.platform.PlatformMain;
import cn.ecoaid.platform.PlatformServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code platform admin load-library}, the libraries pulled by {@code sync}, {@code library list|search}, and an
 * inventory computed with the platform's factor library: same totals as the same factors from a file, the version
 * recorded with the kept inventory and used again on the next computation.
 */
class LibraryCommandTest {
    static final String LIB = "sample-data/libraries/";
    static final String EX = "sample-data/examples/inventory/";

    @TempDir
    Path dir;

    @AfterEach
    void language() {
        cn.ecoaid.l10n.Messages.setCurrent(cn.ecoaid.l10n.Messages.CHINESE);
    }

    private static SyncCommandTest.Run en(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--lang";
        all[1] = "en";
        System.arraycopy(args, 0, all, 2, args.length);
        return SyncCommandTest.run(all);
    }

    private static String id(SyncCommandTest.Run r) {
        assertEquals(0, r.status(), r.err());
        return r.out().split("\\s+")[2];
    }

    @Test
    void loadSyncBrowseAndComputeWithThePlatformFactorLibrary() throws Exception {
        String data = dir.resolve("platform").toString();
        // A bad file: refused with its rows and columns, in English and in Chinese; nothing stored.
        SyncCommandTest.Run bad = en("platform", "admin", "load-library", "--data", data, "--kind", "technology", "--file",
                LIB + "technology-catalogue-with-errors.csv");
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("Row 3, column \"efficiency_max_pct\"") && bad.err().contains("Row 6, column \"maturity\""),
                bad.err());
        SyncCommandTest.Run badZh = SyncCommandTest.run("platform", "admin", "load-library", "--data", data, "--kind", "technology",
                "--file", LIB + "technology-catalogue-with-errors.csv");
        assertTrue(badZh.err().contains("未知的成熟度“很成熟”"), badZh.err());

        SyncCommandTest.Run tech = en("platform", "admin", "load-library", "--data", data, "--kind", "technology", "--file",
                LIB + "technology-catalogue-sample.csv", "--label", "示例目录 2026");
        assertEquals(0, tech.status(), tech.err());
        assertTrue(tech.out().contains("as version 1: 12 rows"), tech.out());
        assertEquals(0, en("platform", "admin", "load-library", "--data", data, "--kind", "experts", "--file",
                LIB + "experts-sample.csv").status());
        assertEquals(0, en("platform", "admin", "load-library", "--data", data, "--kind", "factors", "--file",
                EX + "factors.csv", "--label", "因子库 2026").status());

        String province = id(en("platform", "admin", "create-province", "--data", data, "示例省"));
        String team = id(en("platform", "admin", "create-team", "--data", data, "--province", province, "甲组"));
        String user = id(en("platform", "admin", "create-user", "--data", data, "--role", "MEMBER", "--team", team, "张三"));
        String code = en("platform", "admin", "issue-code", "--data", data, "--user", user, "--hours", "1").out().split("\\s+")[2];
        Path ws = dir.resolve("w.ecoaid");
        assertEquals(0, SyncCommandTest.run("workspace", "init", ws.toString(), "--city-code", "110100", "--city-name", "示例市",
                "--name", "x").status());
        // Before any sync the platform library is not there.
        SyncCommandTest.Run none = en("inventory", "compute", "--activities", EX + "activities.csv", "--workspace", ws.toString(),
                "--library", "platform", "--out", dir.resolve("x.csv").toString());
        assertEquals(1, none.status());
        assertTrue(none.err().contains("No version of the factors library"), none.err());

        try (PlatformServer server = PlatformMain.serve(Path.of(data), null, PlatformServer.Config.defaults(0))) {
            String url = "http://127.0.0.1:" + server.port();
            assertEquals(0, en("sync", "enrol", "--workspace", ws.toString(), "--server", url, "--code", code).status());
            SyncCommandTest.Run sync = en("sync", "--workspace", ws.toString());
            assertEquals(0, sync.status(), sync.err());
            assertTrue(sync.out().contains("Reference library technology catalogue: 1 new versions, newest held v1"), sync.out());
            assertTrue(sync.out().contains("Reference library emission-factor library: 1 new versions"), sync.out());
            assertTrue(en("sync", "--workspace", ws.toString()).out().contains("Reference libraries: nothing new"));
            SyncCommandTest.Run upload = en("library", "upload", "--workspace", ws.toString(), "--kind", "experts", "--file",
                    LIB + "experts-sample.csv");
            assertEquals(1, upload.status());
            assertTrue(upload.err().contains("FORBIDDEN"), upload.err());

            SyncCommandTest.Run list = en("library", "list", "--workspace", ws.toString());
            assertTrue(list.out().contains("technology catalogue\tv1\t示例目录 2026\t12 rows\tNATIONAL"), list.out());
            assertTrue(list.out().contains("taxa list: no version held"), list.out());
            SyncCommandTest.Run search = en("library", "search", "--workspace", ws.toString(), "--kind", "technology", "FGD");
            assertTrue(search.out().contains("2 of 12 rows"), search.out());
            Path found = dir.resolve("experts.csv");
            assertEquals(0, en("library", "search", "--workspace", ws.toString(), "--kind", "experts", "Jiangsu", "VOCs", "--out",
                    found.toString()).status());
            assertEquals(List.of("丁示例（sample）"), TableFiles.read(found).rows().stream().map(r -> r.get(0)).toList());

            // Totals with the platform factor library equal those with the same factors from the file.
            Path fromFile = dir.resolve("file.csv");
            Path fromPlatform = dir.resolve("platform.csv");
            assertEquals(0, en("inventory", "compute", "--activities", EX + "activities.csv", "--factors", EX + "factors.csv",
                    "--out", fromFile.toString()).status());
            SyncCommandTest.Run p = en("inventory", "compute", "--activities", EX + "activities.csv", "--workspace", ws.toString(),
                    "--library", "platform", "--out", fromPlatform.toString());
            assertEquals(0, p.status(), p.err());
            assertTrue(p.out().contains("Factor library used: platform emission-factor library v1 · 因子库 2026"), p.out());
            assertEquals(Files.readString(fromFile), Files.readString(fromPlatform));

            // A kept inventory records the version and uses it again, even after a newer version arrives.
            assertEquals(0, en("inventory", "save", "--workspace", ws.toString(), "--name", "2025 清单", "--year", "2025",
                    "--activities", EX + "activities.csv", "--library", "platform:1").status());
            assertTrue(en("inventory", "list", "--workspace", ws.toString()).out().contains("factors=v1 · 因子库 2026"));
            Path v2 = dir.resolve("factors-v2.csv");
            Files.writeString(v2, Files.readString(Path.of(EX + "factors.csv")).replace("U-CAR-NOX,NOx,0.95,", "U-CAR-NOX,NOx,1.0,"));
            assertEquals(0, en("platform", "admin", "load-library", "--data", data, "--kind", "factors", "--file", v2.toString(),
                    "--label", "因子库 2026b").status());
            assertTrue(en("sync", "--workspace", ws.toString()).out().contains("emission-factor library: 1 new versions, newest held v2"));
            Path kept = dir.resolve("kept.csv");
            SyncCommandTest.Run again = en("inventory", "compute", "--workspace", ws.toString(), "--out", kept.toString());
            assertTrue(again.out().contains("platform emission-factor library v1"), again.out());
            assertEquals(Files.readString(fromFile), Files.readString(kept));
            // Choosing the newer version records it: 15 万辆 × 1.0 kg/vehicle = 150 t NOx in 乙县 (142.5 t with 0.95).
            Path newer = dir.resolve("newer.csv");
            assertEquals(0, en("inventory", "compute", "--workspace", ws.toString(), "--library", "platform", "--out",
                    newer.toString()).status());
            Table nox = InventoryCommandTest.find(newer, "pollutant", "NOx", "category", "移动源和油品储运销", "county", "乙县");
            assertEquals(150.0, Double.parseDouble(InventoryCommandTest.cell(nox, "emitted_t", 0)), 1e-9);
            assertTrue(en("inventory", "list", "--workspace", ws.toString()).out().contains("factors=v2 · 因子库 2026b"));

            // A frozen package version records the library versions held and those the analyses used (SYNC.md §11).
            assertEquals(0, en("package", "create", "--workspace", ws.toString(), "--title", "方案").status());
            assertEquals(0, en("package", "freeze", "--workspace", ws.toString(), "--package", "方案", "--key",
                    dir.resolve("key.properties").toString()).status());
            try (cn.ecoaid.store.Workspace w = cn.ecoaid.store.Workspace.open(ws, java.time.Clock.systemUTC(), "t")) {
                var pkg = w.solutions().packages().get(0);
                var libs = cn.ecoaid.solution.CanonicalJson.parse(w.solutions().versions(pkg.id()).get(0).records()
                        .get("records/libraries.json"));
                assertEquals(2, libs.path("held").path("factors").path("version").asInt());
                assertEquals(1, libs.path("held").path("technology").path("version").asInt());
                var used = libs.path("used").get(0);
                assertEquals("factors", used.path("kind").asText());
                assertEquals(2, used.path("version").asInt());
                assertEquals(w.inventories().findByName("2025 清单").orElseThrow().id(), used.path("entity_id").asText());
                assertTrue(cn.ecoaid.solution.CanonicalJson.parse(w.solutions().versions(pkg.id()).get(0).manifest())
                        .path("records").toString().contains("records/libraries.json"));
            }

            // Water indices with the platform taxa list equal those with the same table from a file.
            Path taxaFile = dir.resolve("taxa.csv");
            assertEquals(0, en("water", "taxa", "--out", taxaFile.toString()).status());
            assertEquals(0, en("platform", "admin", "load-library", "--data", data, "--kind", "taxa", "--file", taxaFile.toString(),
                    "--label", "名录 2026").status());
            assertTrue(en("sync", "--workspace", ws.toString()).out().contains("taxa list: 1 new versions, newest held v1"));
            Path fileIx = dir.resolve("ix-file.csv");
            Path platformIx = dir.resolve("ix-platform.csv");
            String survey = "sample-data/examples/water/benthic-survey.csv";
            assertEquals(0, en("water", "indices", "--input", survey, "--taxa", taxaFile.toString(), "--out", fileIx.toString()).status());
            SyncCommandTest.Run ix = en("water", "indices", "--input", survey, "--taxa-library", "platform", "--workspace", ws.toString(),
                    "--out", platformIx.toString());
            assertEquals(0, ix.status(), ix.err());
            assertTrue(ix.out().contains("Taxa list used: platform taxa list v1 · 名录 2026"), ix.out());
            assertEquals(Files.readString(fileIx), Files.readString(platformIx));
            server.store().close();
        }
    }
}
