package cn.ecoaid.water;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.ImportRejectedException;
import cn.ecoaid.domain.Problem;
import cn.ecoaid.io.TableFiles;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaterQualityFileTest {

    @Test
    void readsLongFormWithChineseNamesUnitsAndBelowDetectionValues() {
        String csv = """
                断面,日期,指标,值,单位,标记,检出限
                S1,2024-05-10,溶解氧,6.5,mg/L,,
                S1,2024-05-10,总磷,150,µg/L,,
                S1,2024-05-10,NH3-N,<0.025,mg/L,,
                S1,2024-05-10,挥发酚,0.0003L,,,
                S1,2024-05-10,汞,ND,mg/L,,0.00004
                S1,2024-05-10,铅,0.01,mg/L,<,
                S2,2024/5/11,CODMn,3.2,,,
                """;
        WaterQualityFile.Result r = WaterQualityFile.read(TableFiles.fromCsv(csv), WaterBodyType.RIVER, false);
        assertTrue(r.longForm());
        assertEquals(2, r.samples().size());
        WaterSample s1 = r.samples().get(0);
        assertEquals(LocalDate.of(2024, 5, 10), s1.date());
        assertEquals(0.15, s1.values().get("TP").value(), 1e-12);
        assertEquals(Measured.belowLimit(0.025), s1.values().get("NH3-N"));
        assertEquals(Measured.belowLimit(0.0003), s1.values().get("VolatilePhenol"));
        assertEquals(Measured.belowLimit(0.00004), s1.values().get("Hg"));
        assertEquals(Measured.belowLimit(0.01), s1.values().get("Pb"));
        assertEquals("<0.025", s1.values().get("NH3-N").text());
        assertEquals(0.0125, s1.numbers(BelowDetectionRule.HALF_LIMIT).get("NH3-N"), 1e-15);
        assertEquals(0.025, s1.numbers(BelowDetectionRule.LIMIT).get("NH3-N"), 1e-15);
        assertEquals(0.0, s1.numbers(BelowDetectionRule.ZERO).get("NH3-N"), 0);
        assertEquals(LocalDate.of(2024, 5, 11), r.samples().get(1).date());
    }

    @Test
    void readsWideFormWithUnitsInHeadersAndSiteAttributes() {
        String csv = """
                site,date,水体类型,水质目标,河流,水期,pH,DO(mg/L),总磷(µg/L),叶绿素a(µg/L),透明度(cm),TN
                L1,2024-07-01,湖库,II,东湖,丰水期,7.8,7.1,30,12,80,0.9
                """;
        WaterQualityFile.Result r = WaterQualityFile.read(TableFiles.fromCsv(csv), WaterBodyType.RIVER, false);
        WaterSample s = r.samples().get(0);
        assertEquals(WaterBodyType.LAKE, s.type());
        assertEquals(WaterClass.II, s.target());
        assertEquals("东湖", s.waterBody());
        assertEquals("丰水期", s.period());
        assertEquals(0.03, s.values().get("TP").value(), 1e-12);
        assertEquals(12, s.values().get("chla").value(), 1e-12);
        assertEquals(0.8, s.values().get("SD").value(), 1e-12);
        assertEquals(0.9, s.values().get("TN").value(), 1e-12);
        assertEquals(List.of(), r.ignoredColumns());
        WaterQualityFile.Result typo = WaterQualityFile.read(TableFiles.fromCsv("site,date,总憐,DO\nA,2024-01-01,0.1,7\n"),
                WaterBodyType.RIVER, false);
        assertEquals(List.of("总憐"), typo.ignoredColumns()); // a misspelt parameter column is named, not silently dropped
        // lake TP 0.03 → class III (0.025 < 0.03 ≤ 0.05)
        SectionResult c = new SectionEvaluator(Gb3838.shipped()).evaluate(s.numbers(BelowDetectionRule.HALF_LIMIT), s.type(), s.target());
        assertEquals(WaterClass.III, c.waterClass());
        assertEquals(Boolean.FALSE, c.attained());
    }

    @Test
    void badCellsAreReportedWithRowColumnAndReasonAndNothingIsImported() {
        String csv = """
                site,date,parameter,value,unit
                S1,2024-05-10,DO,abc,mg/L
                S1,2024-13-10,TP,0.1,mg/L
                S1,2024-05-10,XYZ,0.1,mg/L
                S1,2024-05-10,TP,0.1,kg
                S1,2024-05-10,Hg,ND,mg/L
                S1,2024-05-10,NH3-N,0.5,mg/L
                """;
        ImportRejectedException e = assertThrows(ImportRejectedException.class,
                () -> WaterQualityFile.read(TableFiles.fromCsv(csv), WaterBodyType.RIVER, false));
        List<Problem> p = e.problems();
        assertEquals(5, p.size());
        assertEquals(List.of(2, 3, 4, 5, 6), p.stream().map(Problem::row).toList());
        assertEquals(List.of("value", "date", "parameter", "value", "value"), p.stream().map(Problem::column).toList());
        assertEquals(List.of("water.import.badNumber", "water.import.badDate", "water.import.unknownParameter",
                "water.import.badUnit", "water.import.noDetectionLimit"), p.stream().map(Problem::reasonKey).toList());
        WaterQualityFile.Result valid = WaterQualityFile.read(TableFiles.fromCsv(csv), WaterBodyType.RIVER, true);
        assertEquals(1, valid.samples().size());
        assertEquals(0.5, valid.samples().get(0).values().get("NH3-N").value(), 0);
        assertEquals(5, valid.problems().size());
    }

    @Test
    void siteAttributesFillInWhatTheFileLeavesOut() {
        String csv = """
                site,date,TP,水质目标
                L1,2024-07-01,0.03,
                L2,2024-07-01,0.03,III
                """;
        var info = Map.of("L1", WaterQualityFile.SiteInfo.of(Map.of("水体类型", "湖库", "水质目标", "II", "河流", "东湖")),
                "L2", WaterQualityFile.SiteInfo.of(Map.of("water_body_type", "lake", "target", "I")));
        WaterQualityFile.Result r = WaterQualityFile.read(TableFiles.fromCsv(csv), WaterBodyType.RIVER, false, info);
        WaterSample l1 = r.samples().get(0);
        assertEquals(WaterBodyType.LAKE, l1.type());
        assertEquals(WaterClass.II, l1.target());
        assertEquals("东湖", l1.waterBody());
        assertEquals(WaterClass.III, r.samples().get(1).target()); // the file's own value wins
        // TP 0.03 is class II in a river but III in a lake
        assertEquals(WaterClass.III, new SectionEvaluator(Gb3838.shipped()).evaluate(l1.numbers(BelowDetectionRule.HALF_LIMIT),
                l1.type(), l1.target()).waterClass());
    }

    @Test
    void readsAnExcelFileLikeItsCsv(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path xlsx = dir.resolve("wq.xlsx");
        TableFiles.write(xlsx, List.of("断面", "日期", "溶解氧", "氨氮(µg/L)", "总磷"),
                List.of(List.of("S1", "2024-05-10", "6.5", "750", "<0.01")));
        WaterSample s = WaterQualityFile.read(TableFiles.read(xlsx), WaterBodyType.RIVER, false).samples().get(0);
        assertEquals(6.5, s.values().get("DO").value(), 1e-12);
        assertEquals(0.75, s.values().get("NH3-N").value(), 1e-12);
        assertEquals(Measured.belowLimit(0.01), s.values().get("TP"));
        assertEquals(LocalDate.of(2024, 5, 10), s.date());
    }
}
