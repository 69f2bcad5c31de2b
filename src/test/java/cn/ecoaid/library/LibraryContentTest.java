package cn.ecoaid.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.ImportRejectedException;
import cn.ecoaid.domain.Table;
import cn.ecoaid.io.TableFiles;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A library file's content and hash do not depend on its format (CSV in UTF-8 or GB18030, Excel); the checks per kind. */
class LibraryContentTest {
    static final Path TECH = Path.of("sample-data/libraries/technology-catalogue-sample.csv");

    @TempDir
    Path dir;

    @Test
    void theHashIsTheSameForCsvUtf8Gb18030AndExcel() throws Exception {
        LibraryContent csv = LibraryContent.read(LibraryKind.TECHNOLOGY, TECH);
        Table t = TableFiles.read(TECH);
        Path xlsx = dir.resolve("t.xlsx");
        TableFiles.write(xlsx, t.headers(), t.rows().stream().map(Table.Row::cells).toList());
        assertEquals(csv.sha256(), LibraryContent.read(LibraryKind.TECHNOLOGY, xlsx).sha256());
        // The same text saved in GB18030 (the superset of GBK that Chinese Excel writes) gives the same content.
        Path gbk = dir.resolve("t-gbk.csv");
        Files.write(gbk, Files.readString(TECH, StandardCharsets.UTF_8).getBytes(Charset.forName("GB18030")));
        assertEquals(csv.sha256(), LibraryContent.read(LibraryKind.TECHNOLOGY, gbk).sha256());

        // The hash is SHA-256 over the lines as documented: cells joined by U+001F, each line ended by U+001E.
        StringBuilder text = new StringBuilder(String.join("\u001f", csv.headers())).append('\u001e');
        csv.rows().forEach(r -> text.append(String.join("\u001f", r)).append('\u001e'));
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, csv.sha256());
    }

    @Test
    void expertsAndFactorsAreChecked() throws Exception {
        Path experts = dir.resolve("e.csv");
        Files.writeString(experts, "姓名,单位,专业领域,省份,联系方式\n甲,某院,大气,火星,someone@example.org\n乙,某院,水,湖北省,电话\n");
        ImportRejectedException e = assertThrows(ImportRejectedException.class, () -> LibraryContent.read(LibraryKind.EXPERTS, experts));
        assertEquals(List.of("2:省份:library.problem.province", "3:联系方式:library.problem.contact"),
                e.problems().stream().map(p -> p.row() + ":" + p.column() + ":" + p.reasonKey()).toList());
        Path noName = dir.resolve("n.csv");
        Files.writeString(noName, "单位,专业领域\n某院,大气\n");
        ImportRejectedException missing = assertThrows(ImportRejectedException.class,
                () -> LibraryContent.read(LibraryKind.EXPERTS, noName));
        assertEquals("library.problem.missingColumn", missing.problems().get(0).reasonKey());
        Path factors = dir.resolve("f.csv");
        Files.writeString(factors, "factor_id,pollutant,value,unit,category\nX1,SO2,abc,kg/t,工业源\nX2,XYZ,1,kg/t,工业源\n");
        ImportRejectedException bad = assertThrows(ImportRejectedException.class, () -> LibraryContent.read(LibraryKind.FACTORS, factors));
        assertEquals(2, bad.problems().size());
        assertTrue(bad.problems().stream().allMatch(p -> p.row() == 2 || p.row() == 3));
        Path sample = Path.of("sample-data/examples/inventory/factors.csv");
        assertEquals(TableFiles.read(sample).rows().size(), LibraryRef.factors(LibraryContent.read(LibraryKind.FACTORS, sample)).size());
    }
}
