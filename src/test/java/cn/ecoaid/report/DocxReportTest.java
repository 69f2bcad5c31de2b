package cn.ecoaid.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.solution.BlockSource;
import cn.ecoaid.solution.BlockSources;
import cn.ecoaid.solution.InMemorySolutionRepository;
import cn.ecoaid.solution.SamplePackages;
import cn.ecoaid.solution.SolutionDocument;
import cn.ecoaid.solution.SolutionPackage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;

class DocxReportTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T08:00:00Z"), ZoneOffset.UTC);
    @TempDir
    Path dir;

    static SolutionDocument sample(Path dir) {
        InMemorySolutionRepository repo = new InMemorySolutionRepository();
        SolutionPackage p = SamplePackages.city(repo);
        return SolutionDocument.collect(repo, new BlockSources().register(SamplePackages.tableSource()),
                new BlockSource.Context(dir, CLOCK), p.id());
    }

    static Path write(Path dir, Messages msg) {
        Path out = dir.resolve("report.docx");
        new DocxReport(msg).write(sample(dir), out, Optional.empty());
        String keep = System.getenv("ECOAID_KEEP_REPORTS");
        if (keep != null) { // for looking at the pages: ECOAID_KEEP_REPORTS=/tmp/out mvn test …
            try {
                Files.createDirectories(Path.of(keep));
                Files.copy(out, Path.of(keep, "report-" + msg.locale().getLanguage() + ".docx"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out;
    }

    @Test
    void structureHeadingsCaptionsTocImagesFonts() throws Exception {
        Path out = write(dir, new Messages(Messages.CHINESE));
        try (InputStream in = Files.newInputStream(out); XWPFDocument doc = new XWPFDocument(in)) {
            List<String> h1 = new ArrayList<>();
            List<String> h2 = new ArrayList<>();
            List<String> h3 = new ArrayList<>();
            List<String> captions = new ArrayList<>();
            for (XWPFParagraph p : doc.getParagraphs()) {
                String style = p.getStyle() == null ? "" : p.getStyle();
                switch (style) {
                    case "Heading1" -> h1.add(p.getText());
                    case "Heading2" -> h2.add(p.getText());
                    case "Heading3" -> h3.add(p.getText());
                    case "Caption" -> captions.add(p.getText());
                    default -> {
                    }
                }
            }
            // Eight chapters numbered 一、… 八、 in the deliverable's order.
            assertEquals(8, h1.size());
            assertEquals("一、现状与问题诊断", h1.get(0));
            assertEquals("五、重点任务与措施", h1.get(4));
            assertEquals("八、技术与专家支撑", h1.get(7));
            assertTrue(h2.contains("（一）措施清单"), h2.toString());
            assertTrue(h2.contains("（二）预期减排效果"), h2.toString());
            assertTrue(h3.stream().anyMatch(s -> s.startsWith("1. ")), h3.toString());
            // Captions numbered by chapter: 表 1-1 in chapter 1, 表 5-1 and 图 5-1 in chapter 5, 图 6-1 (Gantt) in chapter 6.
            Pattern cap = Pattern.compile("^(图|表) (\\d+)-(\\d+)　.+");
            for (String c : captions) {
                assertTrue(cap.matcher(c).matches(), c);
            }
            assertTrue(captions.contains("表 1-1　PM2.5 与 PM10 年均浓度"), captions.toString());
            assertTrue(captions.contains("图 1-1　PM2.5 与 PM10 年均浓度"), captions.toString());
            assertTrue(captions.contains("表 5-1　重点措施清单"), captions.toString());
            assertTrue(captions.contains("图 5-1　各项措施合计预期减排量（按污染物）"), captions.toString());
            assertTrue(captions.contains("图 6-1　重点措施实施时间表"), captions.toString());
            assertTrue(captions.contains("表 6-1　阶段目标与指标"), captions.toString());
            // Within each chapter the numbers of figures and of tables run 1, 2, 3 … without gaps.
            java.util.Map<String, Integer> last = new java.util.HashMap<>();
            for (String c : captions) {
                Matcher m = cap.matcher(c);
                assertTrue(m.matches());
                String key = m.group(1) + m.group(2);
                int n = Integer.parseInt(m.group(3));
                assertEquals(last.getOrDefault(key, 0) + 1, n, c);
                last.put(key, n);
            }
            // TOC field.
            String xml = doc.getDocument().xmlText();
            assertTrue(xml.contains("TOC \\o \"1-2\""), "TOC field");
            assertTrue(doc.getSettings() != null);
            // Images: one per figure caption.
            long figures = captions.stream().filter(c -> c.startsWith("图")).count();
            assertEquals(figures, doc.getAllPictures().size());
            assertTrue(figures >= 5, "figures " + figures);
            // Every text run sets the East Asian font (SimSun or SimHei) with hint eastAsia and zh-CN.
            int runs = 0;
            for (XWPFParagraph p : doc.getParagraphs()) {
                for (XWPFRun r : p.getRuns()) {
                    if (r.text().isBlank()) {
                        continue;
                    }
                    runs++;
                    CTFonts f = r.getCTR().getRPr().getRFontsArray(0);
                    assertTrue(f.getEastAsia().equals("SimSun") || f.getEastAsia().equals("SimHei"), r.text());
                    assertEquals(STHint.EAST_ASIA, f.getHint(), r.text());
                    assertEquals("zh-CN", r.getCTR().getRPr().getLangArray(0).getEastAsia());
                }
            }
            assertTrue(runs > 50);
            // Headings use SimHei, body SimSun.
            XWPFParagraph firstHeading = doc.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle())).findFirst().orElseThrow();
            assertEquals("SimHei", firstHeading.getRuns().get(0).getCTR().getRPr().getRFontsArray(0).getEastAsia());
            // Tables repeat their header row; the measures table has 6 measures + header + total.
            List<XWPFTable> tables = doc.getTables();
            assertFalse(tables.isEmpty());
            for (XWPFTable t : tables) {
                assertTrue(t.getRow(0).isRepeatHeader());
            }
            XWPFTable measures = tables.stream().filter(t -> t.getRow(0).getCell(1).getText().equals("措施名称")).findFirst().orElseThrow();
            assertEquals(8, measures.getNumberOfRows());
            // total cost 5000+12000+3000+800+2600 = 23400 万元
            assertEquals("23400", measures.getRow(7).getCell(6).getText());
            // A4 portrait, page number field in the footer.
            assertEquals(11906, ((java.math.BigInteger) doc.getDocument().getBody().getSectPr().getPgSz().getW()).intValue());
            assertTrue(doc.getFooterList().stream().anyMatch(f -> f._getHdrFtr().xmlText().contains(" PAGE ")));
        }
    }

    @Test
    void englishOnRequest() throws Exception {
        Path out = write(dir, new Messages(Messages.ENGLISH));
        try (InputStream in = Files.newInputStream(out); XWPFDocument doc = new XWPFDocument(in)) {
            List<String> captions = doc.getParagraphs().stream().filter(p -> "Caption".equals(p.getStyle()))
                    .map(XWPFParagraph::getText).toList();
            assertTrue(captions.contains("Table 5-1 Measures"), captions.toString());
            assertTrue(doc.getParagraphs().stream().anyMatch(p -> p.getText().equals("Contents")));
            assertTrue(doc.getParagraphs().stream().anyMatch(p -> "Heading1".equals(p.getStyle())
                    && p.getText().equals("5 Measures")), "English chapters are numbered 1, 2, 3");
        }
    }

    @Test
    void stylesComeFromATemplate() throws Exception {
        Path template = dir.resolve("template.docx");
        try (XWPFDocument t = new XWPFDocument()) {
            var styles = t.createStyles();
            var s = org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle.Factory.newInstance();
            s.setStyleId("Heading1");
            s.setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType.PARAGRAPH);
            s.addNewName().setVal("heading 1");
            s.addNewRPr().addNewColor().setVal("C00000");
            styles.addStyle(new org.apache.poi.xwpf.usermodel.XWPFStyle(s, styles));
            t.createParagraph().createRun().setText("模板正文，应被清除");
            try (var os = Files.newOutputStream(template)) {
                t.write(os);
            }
        }
        Path out = dir.resolve("t.docx");
        new DocxReport(new Messages(Messages.CHINESE)).write(sample(dir), out, Optional.of(template));
        try (InputStream in = Files.newInputStream(out); XWPFDocument doc = new XWPFDocument(in)) {
            assertEquals("C00000", java.util.HexFormat.of().withUpperCase().formatHex(
                    (byte[]) doc.getStyles().getStyle("Heading1").getCTStyle().getRPr().getColorArray(0).getVal()));
            assertFalse(doc.getParagraphs().stream().anyMatch(p -> p.getText().contains("模板正文")));
            assertTrue(doc.getStyles().styleExist("Heading2"));
        }
    }

    @Test
    void chineseNumbers() {
        assertEquals("一", ChineseNumbers.of(1));
        assertEquals("十", ChineseNumbers.of(10));
        assertEquals("十二", ChineseNumbers.of(12));
        assertEquals("二十", ChineseNumbers.of(20));
        assertEquals("九十九", ChineseNumbers.of(99));
        assertEquals("（三）", ChineseNumbers.sub(3));
    }
}
