package cn.ecoaid.sites;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.ecoaid.domain.ImportRejectedException;
import cn.ecoaid.domain.Problem;
import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteType;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.store.InMemorySiteRepository;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteImportTest {
    @TempDir
    Path dir;

    static final String CHINESE = """
            站点编码,站点名称,类型,经度,纬度,坐标系,行政区划代码,备注
            1001A,一号站,空气站,116.40,39.90,CGCS2000,110101,城区
            W-01,二号断面,断面,116.45,39.88,WGS84,110105,
            """;

    static final String WITH_BAD_ROWS = """
            code,name,type,longitude,latitude
            A1,good one,air_station,116.4,39.9
            ,no code,air_station,116.4,39.9
            A1,duplicate,air_station,116.4,39.9
            A4,far away,air_station,2.35,48.85
            A5,bad type,volcano,116.4,39.9
            A6,bad number,air_station,abc,39.9
            A7,out of range,source,116.4,95
            A8,good two,pollution_source,,
            """;

    private Path write(String name, String text, Charset cs) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, text.getBytes(cs));
        return f;
    }

    @Test
    void chineseHeadersAndExtraColumnsAreRead() throws Exception {
        InMemorySiteRepository repo = new InMemorySiteRepository();
        SiteImport.Result r = new SiteImport(repo).importFile(write("s.csv", CHINESE, StandardCharsets.UTF_8), false);
        assertEquals(2, r.imported());
        Site s = repo.findByCode("1001A").orElseThrow();
        assertEquals("一号站", s.name());
        assertEquals(SiteType.AIR_STATION, s.type());
        assertEquals(116.40, s.longitude());
        assertEquals("110101", s.adminCode());
        assertEquals(Map.of("备注", "城区"), s.attributes());
        assertEquals(SiteType.WATER_SECTION, repo.findByCode("W-01").orElseThrow().type());
    }

    @Test
    void gbkFilesAreDetected() throws Exception {
        InMemorySiteRepository repo = new InMemorySiteRepository();
        new SiteImport(repo).importFile(write("gbk.csv", CHINESE, Charset.forName("GBK")), false);
        assertEquals("二号断面", repo.findByCode("W-01").orElseThrow().name());
    }

    @Test
    void excelFilesAreRead() throws Exception {
        Path xlsx = dir.resolve("s.xlsx");
        var table = TableFiles.fromCsv(CHINESE);
        TableFiles.write(xlsx, table.headers(), table.rows().stream().map(cn.ecoaid.domain.Table.Row::cells).toList());
        InMemorySiteRepository repo = new InMemorySiteRepository();
        assertEquals(2, new SiteImport(repo).importFile(xlsx, false).imported());
        assertEquals("110105", repo.findByCode("W-01").orElseThrow().adminCode());
    }

    @Test
    void everyBadRowIsReportedWithRowColumnAndReasonAndNothingIsImported() throws Exception {
        InMemorySiteRepository repo = new InMemorySiteRepository();
        Path f = write("bad.csv", WITH_BAD_ROWS, StandardCharsets.UTF_8);
        ImportRejectedException e = assertThrows(ImportRejectedException.class,
                () -> new SiteImport(repo).importFile(f, false));
        assertEquals(List.of(
                Problem.of(3, "code", "site.invalid.codeMissing"),
                Problem.of(4, "code", "site.import.duplicateInFile", "A1", 2),
                Problem.of(5, "longitude", "site.invalid.outsideChina", 2.35, 73.4, 135.1),
                Problem.of(6, "type", "site.import.unknownType", "volcano"),
                Problem.of(7, "longitude", "site.import.notANumber", "abc"),
                Problem.of(8, "latitude", "site.invalid.coordinateRange", 95.0, -90.0, 90.0)), e.problems());
        assertEquals(0, repo.count());
    }

    @Test
    void validOnlyImportsTheGoodRows() throws Exception {
        InMemorySiteRepository repo = new InMemorySiteRepository();
        SiteImport.Result r = new SiteImport(repo).importFile(write("bad.csv", WITH_BAD_ROWS, StandardCharsets.UTF_8), true);
        assertEquals(2, r.imported());
        assertEquals(8, r.rows());
        assertEquals(6, r.problems().size());
        assertEquals(List.of("A1", "A8"), repo.list().stream().map(Site::code).toList());
    }

    @Test
    void codesAlreadyInTheWorkspaceAreReported() throws Exception {
        InMemorySiteRepository repo = new InMemorySiteRepository();
        repo.add(Site.create("1001A", "已有", SiteType.AIR_STATION, 116.0, 40.0));
        ImportRejectedException e = assertThrows(ImportRejectedException.class,
                () -> new SiteImport(repo).importFile(write("s.csv", CHINESE, StandardCharsets.UTF_8), false));
        assertEquals(List.of(Problem.of(2, "站点编码", "site.import.duplicateInWorkspace", "1001A")), e.problems());
    }

    @Test
    void missingRequiredColumnsAreReportedOnTheHeaderRow() throws Exception {
        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> new SiteImport(
                new InMemorySiteRepository()).importFile(write("h.csv", "编码,经度\nA,116\n", StandardCharsets.UTF_8), false));
        assertEquals(List.of(1, 1), e.problems().stream().map(Problem::row).toList());
    }

    @Test
    void exportThenImportRoundTrips() throws Exception {
        InMemorySiteRepository repo = new InMemorySiteRepository();
        new SiteImport(repo).importFile(write("s.csv", CHINESE, StandardCharsets.UTF_8), false);
        for (String ext : List.of("csv", "xlsx")) {
            Path out = dir.resolve("out." + ext);
            SiteExport.write(repo.list(), out);
            InMemorySiteRepository again = new InMemorySiteRepository();
            new SiteImport(again).importFile(out, false);
            assertEquals(strip(repo.list()), strip(again.list()), ext);
        }
    }

    @Test
    void templateIsAnImportableFile() throws Exception {
        Path t = dir.resolve("template.xlsx");
        SiteTemplate.write(t);
        InMemorySiteRepository repo = new InMemorySiteRepository();
        assertEquals(2, new SiteImport(repo).importFile(t, false).imported(), "the template's example rows import");
    }

    private static List<String> strip(List<Site> sites) {
        return sites.stream().map(s -> String.join("|", s.code(), s.name(), s.type().name(), String.valueOf(s.longitude()),
                String.valueOf(s.latitude()), s.crs().name(), s.adminCode(), s.attributes().toString())).toList();
    }
}
