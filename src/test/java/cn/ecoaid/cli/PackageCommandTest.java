package cn.ecoaid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.Table;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.l10n.Messages;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The solution package on the command line: assemble, freeze, export, verify, tamper, import, report. */
class PackageCommandTest {
    static final String EX = "sample-data/examples/";
    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(status, out.toString(), err.toString());
    }

    @AfterEach
    void resetLanguage() {
        Messages.setCurrent(Messages.CHINESE);
    }

    private Path workspace(String name) {
        Path ws = dir.resolve(name);
        Run init = run("workspace", "init", ws.toString(), "--city-code", "110100", "--city-name", "示例市", "--name", "驻点研究");
        assertEquals(0, init.status(), init.err());
        return ws;
    }

    private static void ok(Run r) {
        assertEquals(0, r.status(), r.err() + r.out());
    }

    @Test
    void assembleFreezeExportVerifyImportAndReport() throws Exception {
        Path ws = workspace("city.ecoaid");
        ok(run("site", "import", ws.toString(), EX + "sites/sites.csv"));
        Files.copy(Path.of(EX + "inventory/activities.csv"), dir.resolve("activities.csv"));
        String w = ws.toString();
        Run created = run("package", "create", "--workspace", w, "--title", "示例市一市一策");
        ok(created);
        String p = "示例市一市一策";
        ok(run("package", "section", "--workspace", w, "--package", p, "--kind", "diagnosis", "--text", "现状诊断正文。", "--block", "sites"));
        ok(run("package", "section", "--workspace", w, "--package", p, "--kind", "inventory", "--text", "清单正文。",
                "--block", "inventory-totals:activities=activities.csv", "--chart"));
        ok(run("package", "measure", "import", "--workspace", w, "--package", p, EX + "solution/measures.csv"));
        ok(run("package", "measure", "import", "--workspace", w, "--package", p, EX + "solution/measures.json"));
        ok(run("package", "measure", "add", "--workspace", w, "--package", p, "--name", "餐饮油烟治理", "--type", "management",
                "--start", "2026-05-01", "--end", "2026-12-31", "--cost", "150", "--reduction", "PM2.5=12.5"));
        ok(run("package", "milestone", "add", "--workspace", w, "--package", p, "--date", "2027-12-31", "--indicator", "PM2.5 年均浓度",
                "--target", "30", "--unit", "µg/m³"));
        ok(run("package", "track", "add", "--workspace", w, "--package", p, "--indicator", "PM2.5 年均浓度", "--date", "2026-06-30",
                "--value", "35.2", "--unit", "µg/m³"));
        Path photo = dir.resolve("现场照片.png");
        Files.write(photo, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3});
        ok(run("package", "attach", "--workspace", w, "--package", p, photo.toString()));
        Path key = dir.resolve("device.properties");
        Run frozen = run("package", "freeze", "--workspace", w, "--package", p, "--key", key.toString());
        ok(frozen);
        assertTrue(frozen.out().contains("第 1 版"), frozen.out());
        // 1 package + 2 sections + 2 blocks + 7 measures + 1 milestone + 1 tracking record
        assertTrue(frozen.out().contains("14 条记录"), frozen.out());
        ok(run("package", "measure", "status", "--workspace", w, "--package", p, "--measure", "餐饮油烟治理", "--status", "done"));
        ok(run("package", "freeze", "--workspace", w, "--package", p, "--key", key.toString()));
        Run compared = run("package", "compare", "--workspace", w, "--package", p, "--from", "1", "--to", "2");
        ok(compared);
        assertTrue(compared.out().contains("新增 0，删除 0，修改 1"), compared.out());
        Path zip = dir.resolve("pkg.zip");
        ok(run("package", "export", "--workspace", w, "--package", p, "--number", "1", "--out", zip.toString()));
        Run verified = run("package", "verify", zip.toString());
        ok(verified);
        assertTrue(verified.out().contains("签名有效"), verified.out());
        assertTrue(verified.out().contains("1 个文件"), verified.out());

        // A tampered export fails with a clear message naming the changed record.
        Path bad = dir.resolve("bad.zip");
        try (InputStream in = Files.newInputStream(zip); ZipInputStream zin = new ZipInputStream(in);
             OutputStream os = Files.newOutputStream(bad); ZipOutputStream zout = new ZipOutputStream(os)) {
            ZipEntry e;
            while ((e = zin.getNextEntry()) != null) {
                byte[] b = zin.readAllBytes();
                if (e.getName().startsWith("records/milestones/")) {
                    b = new String(b, java.nio.charset.StandardCharsets.UTF_8).replace("\"target\":30", "\"target\":35")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                zout.putNextEntry(new ZipEntry(e.getName()));
                zout.write(b);
                zout.closeEntry();
            }
        }
        Run tampered = run("package", "verify", bad.toString());
        assertEquals(1, tampered.status());
        assertTrue(tampered.err().contains("records/milestones/") && tampered.err().contains("被改动过"), tampered.err());
        assertFalse(tampered.err().contains("Exception"), tampered.err());

        // Import into another workspace: the package and its measures arrive.
        Path other = workspace("other.ecoaid");
        ok(run("package", "import", "--workspace", other.toString(), zip.toString()));
        Run list = run("package", "list", "--workspace", other.toString());
        assertTrue(list.out().contains("7 项措施，1 个版本"), list.out());
        Run again = run("package", "import", "--workspace", other.toString(), zip.toString());
        assertEquals(1, again.status());
        // The attached file arrived in the other workspace's attachment store, under its hash.
        String sha = cn.ecoaid.solution.CanonicalJson.sha256(Files.readAllBytes(photo));
        assertTrue(Files.exists(Path.of(other + ".files", sha.substring(0, 2), sha)), sha);
        // and re-exporting the imported version gives a package that verifies.
        Path again2 = dir.resolve("again.zip");
        ok(run("package", "export", "--workspace", other.toString(), "--package", p, "--out", again2.toString()));
        ok(run("package", "verify", again2.toString()));

        // Reports.
        Path docx = dir.resolve("report.docx");
        ok(run("report", "docx", "--workspace", w, "--package", p, "--out", docx.toString()));
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            assertTrue(doc.getParagraphs().stream().anyMatch(x -> x.getText().equals("三、本地排放清单")));
            assertTrue(doc.getParagraphs().stream().anyMatch(x -> x.getText().startsWith("表 3-1　排放清单汇总")));
            assertTrue(doc.getParagraphs().stream().anyMatch(x -> x.getText().startsWith("表 1-1　监测点位与污染源")));
        }
        Path docxEn = dir.resolve("report-en.docx");
        ok(run("report", "docx", "--workspace", w, "--package", p, "--out", docxEn.toString(), "--lang", "en"));
        try (InputStream in = Files.newInputStream(docxEn); XWPFDocument doc = new XWPFDocument(in)) {
            assertTrue(doc.getParagraphs().stream().anyMatch(x -> x.getText().startsWith("Table 3-1 Emission inventory totals")));
        }
        Path xlsx = dir.resolve("report.xlsx");
        ok(run("report", "xlsx", "--workspace", w, "--package", p, "--out", xlsx.toString()));
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertTrue(wb.getNumberOfSheets() >= 6);
            assertTrue(wb.getSheet("排放清单汇总") != null);
        }
    }

    @Test
    void inventoryBlockAgreesWithInventoryCompute() throws Exception {
        // The block totals by pollutant; inventory compute totals by pollutant, category and county. Summing the latter
        // per pollutant must give the former.
        Path ws = workspace("city.ecoaid");
        Files.copy(Path.of(EX + "inventory/activities.csv"), dir.resolve("activities.csv"));
        String w = ws.toString();
        ok(run("package", "create", "--workspace", w, "--title", "清单核对"));
        ok(run("package", "section", "--workspace", w, "--package", "清单核对", "--kind", "inventory",
                "--block", "inventory-totals:activities=activities.csv"));
        Path xlsx = dir.resolve("r.xlsx");
        ok(run("report", "xlsx", "--workspace", w, "--package", "清单核对", "--out", xlsx.toString()));
        Path totals = dir.resolve("totals.csv");
        ok(run("inventory", "compute", "--activities", dir.resolve("activities.csv").toString(), "--out", totals.toString()));
        Table t = TableFiles.read(totals);
        java.util.Map<String, Double> byPollutant = new java.util.TreeMap<>();
        int pc = t.headers().indexOf("pollutant");
        int ec = t.headers().indexOf("emitted_t");
        for (Table.Row r : t.rows()) {
            byPollutant.merge(r.get(pc), Double.parseDouble(r.get(ec)), Double::sum);
        }
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            var sheet = wb.getSheet("排放清单汇总");
            int checked = 0;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                var row = sheet.getRow(i);
                if (row.getCell(0).getCellType() != org.apache.poi.ss.usermodel.CellType.STRING
                        || !byPollutant.containsKey(row.getCell(0).getStringCellValue())) {
                    continue;
                }
                double expected = byPollutant.get(row.getCell(0).getStringCellValue());
                assertEquals(expected, row.getCell(1).getNumericCellValue(), Math.abs(expected) * 1e-5 + 1e-9,
                        row.getCell(0).getStringCellValue());
                checked++;
            }
            assertEquals(byPollutant.size(), checked);
        }
    }

    @Test
    void badMeasureFileListsEveryBadRow() throws Exception {
        Path ws = workspace("city.ecoaid");
        String w = ws.toString();
        ok(run("package", "create", "--workspace", w, "--title", "坏文件"));
        Path f = dir.resolve("m.csv");
        Files.writeString(f, "措施名称,类型,开始日期,结束日期,投资（万元）\n甲,工程治理,2026-13-01,2026-12-31,100\n乙,未知类型,2026-01-01,2025-12-31,abc\n");
        Run r = run("package", "measure", "import", "--workspace", w, "--package", "坏文件", f.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("2026-13-01"), r.err());
        assertTrue(r.err().contains("未知类型") && r.err().contains("abc"), r.err());
        assertTrue(run("package", "list", "--workspace", w).out().contains("0 项措施"));
    }
}
