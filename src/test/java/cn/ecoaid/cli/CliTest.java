package cn.ecoaid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.l10n.Messages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end: exit status, translated messages, no stack traces. */
class CliTest {
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

    @Test
    void initImportInfoExport() throws Exception {
        Path ws = dir.resolve("city.ecoaid");
        Run init = run("workspace", "init", ws.toString(), "--city-code", "110100", "--city-name", "示例市", "--name", "驻点研究",
                "--member", "张三:组长:某研究院");
        assertEquals(0, init.status(), init.err());
        assertTrue(init.out().contains("已创建工作空间"), init.out());
        Path csv = dir.resolve("sites.csv");
        Files.writeString(csv, "编码,名称,类型,经度,纬度\nA1,一号站,空气站,116.4,39.9\nA2,二号站,空气站,116.5,39.8\n",
                StandardCharsets.UTF_8);
        Run imp = run("site", "import", ws.toString(), csv.toString());
        assertEquals(0, imp.status(), imp.err());
        assertTrue(imp.out().contains("已导入 2 个站点"), imp.out());
        Run info = run("workspace", "info", ws.toString());
        assertTrue(info.out().contains("站点：2 个"), info.out());
        assertTrue(info.out().contains("张三"), info.out());
        Path out = dir.resolve("out.csv");
        assertEquals(0, run("site", "export", ws.toString(), out.toString()).status());
        assertTrue(Files.readString(out).contains("A2,二号站,AIR_STATION"));
    }

    @Test
    void badRowsFailWithRowsAndReasonsAndNoStackTrace() throws Exception {
        Path ws = dir.resolve("city.ecoaid");
        run("workspace", "init", ws.toString(), "--city-code", "110100", "--city-name", "示例市", "--name", "x");
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "code,name,type,longitude,latitude\nA1,ok,air_station,116.4,39.9\nA2,bad,air_station,200,39.9\n");
        Run r = run("--lang", "en", "site", "import", ws.toString(), csv.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("Nothing was imported: 1 problems found"), r.err());
        assertTrue(r.err().contains("Row 3, column \"longitude\": Coordinate 200 is out of range (-180 to 180)"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose");
        Run verbose = run("--verbose", "site", "import", ws.toString(), csv.toString());
        assertTrue(verbose.err().contains("\tat "), "stack trace with --verbose");
    }

    @Test
    void missingFileIsAClearError() {
        Run r = run("workspace", "info", dir.resolve("nope.ecoaid").toString());
        assertEquals(1, r.status());
        assertTrue(r.err().startsWith("错误：找不到工作空间文件"), r.err());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run("workspace", "init").status());
        assertEquals(2, run("no-such-command").status());
    }

    @Test
    void templateCommandWritesAnExcelFile() {
        Path t = dir.resolve("t.xlsx");
        assertEquals(0, run("template", "sites", t.toString()).status());
        assertTrue(Files.exists(t));
        assertEquals(1, run("template", "volcanoes", t.toString()).status());
    }
}
