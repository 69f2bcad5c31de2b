package cn.ecoaid.report;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.solution.Block;
import cn.ecoaid.solution.Measure;
import cn.ecoaid.solution.MeasureStatus;
import cn.ecoaid.solution.MeasureType;
import cn.ecoaid.solution.Milestone;
import cn.ecoaid.solution.Section;
import cn.ecoaid.solution.SectionKind;
import cn.ecoaid.solution.SolutionDocument;
import cn.ecoaid.solution.TrackingRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jfree.chart.JFreeChart;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The Word report of a solution package: cover, table of contents (a TOC field Word updates on opening), chapters
 * numbered 一、（一）1., body in SimSun and headings in SimHei with the East Asian font slot set (STACK.md), A4 with
 * page numbers, tables and figures captioned 表/图 chapter-number, header rows repeated, charts as PNG at 2× (about 210 dpi at full text width).
 * Styles come from a template .docx when one is given (its Heading1–3, Caption and TOC styles win over ours).
 */
public final class DocxReport {
    public static final String BODY_FONT = "SimSun";
    public static final String HEADING_FONT = "SimHei";
    public static final String LATIN_FONT = "Times New Roman";
    /** A4 in twentieths of a point. */
    static final int A4_W = 11906;
    static final int A4_H = 16838;
    /** Text width (A4 minus 2 × 2.8 cm margins) in points, for images. */
    static final double TEXT_WIDTH_PT = 595.3 - 2 * 79.4;
    static final int TEXT_WIDTH_TWIPS = A4_W - 2 * 1588;

    private final Messages msg;
    private XWPFDocument doc;
    private int chapter;
    private int figure;
    private int table;
    private final List<String[]> headings = new ArrayList<>();

    public DocxReport(Messages msg) {
        this.msg = msg;
    }

    /** What a report holds: numbers of figures and tables. */
    public record Written(int figures, int tables) {
    }

    private int figuresTotal;
    private int tablesTotal;

    /** Writes the report atomically to {@code out}. */
    public Written write(SolutionDocument d, Path out, Optional<Path> template) {
        figuresTotal = 0;
        tablesTotal = 0;
        headings.clear();
        try {
            doc = template.isPresent() ? fromTemplate(template.get()) : new XWPFDocument();
            build(d);
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".ecoaid-", ".docx.tmp");
            try (OutputStream os = Files.newOutputStream(tmp)) {
                doc.write(os);
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            doc.close();
            return new Written(figuresTotal, tablesTotal);
        } catch (IOException e) {
            throw new EcoAidException(e, "error.file.write", out, e.getMessage());
        }
    }

    private static XWPFDocument fromTemplate(Path template) {
        try (InputStream in = Files.newInputStream(template)) {
            XWPFDocument t = new XWPFDocument(in);
            for (int i = t.getBodyElements().size() - 1; i >= 0; i--) {
                t.removeBodyElement(i);
            }
            return t;
        } catch (IOException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException | org.apache.poi.EmptyFileException e) {
            throw new EcoAidException(e, "solution.report.error.template", template, String.valueOf(e.getMessage()));
        }
    }

    private void build(SolutionDocument d) {
        styles();
        page();
        cover(d);
        tocPlaceholderIndex = doc.getBodyElements().size();
        for (SectionKind kind : SectionKind.values()) {
            chapter(d, kind);
        }
        toc();
        doc.enforceUpdateFields();
    }

    private int tocPlaceholderIndex;

    // ---- styles and page ----

    private void styles() {
        XWPFStyles styles = doc.getStyles() == null ? doc.createStyles() : doc.getStyles();
        CTFonts defaults = CTFonts.Factory.newInstance();
        defaults.setAscii(LATIN_FONT);
        defaults.setHAnsi(LATIN_FONT);
        defaults.setEastAsia(BODY_FONT);
        defaults.setHint(STHint.EAST_ASIA);
        styles.setDefaultFonts(defaults);
        styles.setEastAsia("zh-CN");
        styles.setSpellingLanguage("zh-CN");
        paragraphStyle(styles, "Heading1", "heading 1", 0, 16, HEADING_FONT, true, 240, 120);
        paragraphStyle(styles, "Heading2", "heading 2", 1, 14, HEADING_FONT, true, 180, 60);
        paragraphStyle(styles, "Heading3", "heading 3", 2, 12, HEADING_FONT, true, 120, 60);
        paragraphStyle(styles, "Caption", "caption", -1, 10.5, HEADING_FONT, false, 60, 120);
        paragraphStyle(styles, "TOC1", "toc 1", -1, 12, BODY_FONT, false, 60, 0);
        paragraphStyle(styles, "TOC2", "toc 2", -1, 12, BODY_FONT, false, 0, 0);
    }

    private static void paragraphStyle(XWPFStyles styles, String id, String name, int outline, double sizePt, String font,
                                       boolean bold, int before, int after) {
        if (styles.styleExist(id)) {
            return;
        }
        CTStyle s = CTStyle.Factory.newInstance();
        s.setStyleId(id);
        s.setType(STStyleType.PARAGRAPH);
        s.addNewName().setVal(name);
        s.addNewBasedOn().setVal("Normal");
        s.addNewNext().setVal("Normal");
        s.addNewQFormat();
        CTPPrGeneral ppr = s.addNewPPr();
        if (outline >= 0) {
            ppr.addNewKeepNext();
            ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(outline));
        }
        var spacing = ppr.addNewSpacing();
        spacing.setBefore(BigInteger.valueOf(before));
        spacing.setAfter(BigInteger.valueOf(after));
        if (id.equals("TOC2")) {
            ppr.addNewInd().setLeft(BigInteger.valueOf(420));
        }
        if (id.equals("Caption")) {
            ppr.addNewJc().setVal(org.openxmlformats.schemas.wordprocessingml.x2006.main.STJc.CENTER);
        }
        CTRPr rpr = s.addNewRPr();
        fonts(rpr, font);
        if (bold) {
            rpr.addNewB();
        }
        rpr.addNewSz().setVal(BigInteger.valueOf(Math.round(sizePt * 2)));
        rpr.addNewSzCs().setVal(BigInteger.valueOf(Math.round(sizePt * 2)));
        styles.addStyle(new XWPFStyle(s, styles));
    }

    private static void fonts(CTRPr rpr, String eastAsia) {
        CTFonts f = rpr.sizeOfRFontsArray() > 0 ? rpr.getRFontsArray(0) : rpr.addNewRFonts();
        f.setAscii(LATIN_FONT);
        f.setHAnsi(LATIN_FONT);
        f.setCs(LATIN_FONT);
        f.setEastAsia(eastAsia);
        f.setHint(STHint.EAST_ASIA);
        var lang = rpr.sizeOfLangArray() > 0 ? rpr.getLangArray(0) : rpr.addNewLang();
        lang.setEastAsia("zh-CN");
    }

    private void page() {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(A4_W));
        size.setH(BigInteger.valueOf(A4_H));
        size.setOrient(STPageOrientation.PORTRAIT);
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(1587));
        mar.setBottom(BigInteger.valueOf(1587));
        mar.setLeft(BigInteger.valueOf(1588));
        mar.setRight(BigInteger.valueOf(1588));
        mar.setHeader(BigInteger.valueOf(851));
        mar.setFooter(BigInteger.valueOf(851));
        if (!sect.isSetTitlePg()) {
            sect.addNewTitlePg();
        }
        XWPFFooter first = doc.createFooter(HeaderFooterType.FIRST);
        first.createParagraph();
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, msg.text("solution.report.pageBefore"), BODY_FONT, 9, false);
        field(p, "PAGE", "1");
        run(p, msg.text("solution.report.pageAfter"), BODY_FONT, 9, false);
    }

    /** A simple field (PAGE, NUMPAGES …) with a cached result, in the body font. */
    private static void field(XWPFParagraph p, String instruction, String cached) {
        XWPFRun begin = p.createRun();
        begin.getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        XWPFRun instr = p.createRun();
        font(instr, BODY_FONT, 9, false);
        var t = instr.getCTR().addNewInstrText();
        t.setStringValue(" " + instruction + " ");
        t.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
        XWPFRun sep = p.createRun();
        sep.getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        XWPFRun value = p.createRun();
        value.setText(cached);
        font(value, BODY_FONT, 9, false);
        XWPFRun end = p.createRun();
        end.getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    }

    // ---- cover and TOC ----

    private void cover(SolutionDocument d) {
        for (int i = 0; i < 6; i++) {
            doc.createParagraph();
        }
        XWPFParagraph title = doc.createParagraph();
        title.setAlignment(ParagraphAlignment.CENTER);
        title.setSpacingAfter(600);
        run(title, d.pkg().title(), HEADING_FONT, 26, true);
        XWPFParagraph scope = doc.createParagraph();
        scope.setAlignment(ParagraphAlignment.CENTER);
        run(scope, msg.text("solution.scope." + d.pkg().scope().name()), BODY_FONT, 16, false);
        for (int i = 0; i < 8; i++) {
            doc.createParagraph();
        }
        coverLine(msg.text("solution.report.coverCity"), d.pkg().city());
        coverLine(msg.text("solution.report.coverTeam"), d.pkg().team());
        coverLine(msg.text("solution.report.coverDate"), msg.text("solution.report.date", Integer.toString(d.date().getYear()),
                d.date().getMonthValue(), d.date().getDayOfMonth()));
        if (!d.versions().isEmpty()) {
            coverLine(msg.text("solution.report.coverVersion"), msg.text("solution.report.version",
                    d.versions().get(d.versions().size() - 1).number()));
        }
        XWPFParagraph br = doc.createParagraph();
        br.setPageBreak(false);
        br.createRun().addBreak(org.apache.poi.xwpf.usermodel.BreakType.PAGE);
    }

    private void coverLine(String label, String value) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(120);
        run(p, label + "：", HEADING_FONT, 14, false);
        run(p, value, BODY_FONT, 14, false);
    }

    /** Inserts the TOC (heading, field with the headings as its cached result, page break) after the cover. */
    private void toc() {
        var cursor = doc.getDocument().getBody().getPArray(tocPlaceholderIndex - 1).newCursor();
        cursor.toNextSibling();
        XWPFParagraph head = doc.insertNewParagraph(cursor);
        head.setAlignment(ParagraphAlignment.CENTER);
        head.setSpacingAfter(240);
        run(head, msg.text("solution.report.toc"), HEADING_FONT, 16, true);
        List<XWPFParagraph> lines = new ArrayList<>();
        XWPFParagraph previous = head;
        for (String[] h : headings) {
            var c = previous.getCTP().newCursor();
            c.toNextSibling();
            XWPFParagraph line = doc.insertNewParagraph(c);
            line.setStyle(h[0].equals("1") ? "TOC1" : "TOC2");
            lines.add(line);
            previous = line;
        }
        if (lines.isEmpty()) {
            var c = previous.getCTP().newCursor();
            c.toNextSibling();
            lines.add(doc.insertNewParagraph(c));
        }
        XWPFParagraph first = lines.get(0);
        XWPFRun begin = first.createRun();
        begin.getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        XWPFRun instr = first.createRun();
        font(instr, BODY_FONT, 12, false);
        var t = instr.getCTR().addNewInstrText();
        t.setStringValue(" TOC \\o \"1-2\" \\h \\z \\u ");
        t.setSpace(org.apache.xmlbeans.impl.xb.xmlschema.SpaceAttribute.Space.PRESERVE);
        first.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        for (int i = 0; i < headings.size(); i++) {
            run(lines.get(i), headings.get(i)[1], BODY_FONT, 12, false);
        }
        XWPFParagraph last = lines.get(lines.size() - 1);
        last.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
        last.createRun().addBreak(org.apache.poi.xwpf.usermodel.BreakType.PAGE);
    }

    // ---- chapters ----

    private void chapter(SolutionDocument d, SectionKind kind) {
        chapter = kind.chapter();
        figure = 0;
        table = 0;
        int sub = 0;
        heading(1, chapterNo(chapter) + msg.text("solution.section." + kind.name()));
        Optional<Section> section = d.section(kind);
        section.ifPresent(s -> s.paragraphs().forEach(this::body));
        switch (kind) {
            case MEASURES -> sub = measures(d, sub);
            case ROADMAP -> sub = roadmap(d, sub);
            case EFFECT -> sub = effect(d, sub);
            default -> {
            }
        }
        for (Block b : d.blocks(kind)) {
            heading(2, subNo(++sub) + b.title());
            block(b);
        }
        if (section.isEmpty() && d.blocks(kind).isEmpty() && sub == 0) {
            body(msg.text("solution.report.noContent"));
        }
    }

    private int measures(SolutionDocument d, int sub) {
        if (d.measures().isEmpty()) {
            return sub;
        }
        heading(2, subNo(++sub) + msg.text("solution.report.measureList"));
        List<String> headers = List.of(msg.text("solution.report.col.no"), msg.text("solution.report.col.name"),
                msg.text("solution.report.col.type"), msg.text("solution.report.col.sector"), msg.text("solution.report.col.owner"),
                msg.text("solution.report.col.period"), msg.text("solution.report.col.cost"),
                msg.text("solution.report.col.reduction"), msg.text("solution.report.col.status"));
        List<List<Object>> rows = new ArrayList<>();
        int n = 1;
        double cost = 0;
        for (Measure m : d.measures()) {
            rows.add(List.of(n++, m.name(), msg.text("solution.measureType." + m.type().name()), m.sector(), m.owner(),
                    period(m), m.cost() == null ? "" : (Object) m.cost(), reductions(m.reductions()),
                    msg.text("solution.status." + m.status().name())));
            cost += m.cost() == null ? 0 : m.cost();
        }
        rows.add(List.of("", msg.text("solution.report.total"), "", "", "", "", cost, reductions(d.totalReductions()), ""));
        table(msg.text("solution.report.measureTable"), headers, rows, new int[] {5, 20, 9, 8, 13, 15, 9, 14, 7});
        int h3 = 0;
        for (MeasureType type : MeasureType.values()) {
            List<Measure> ofType = d.measures().stream().filter(m -> m.type() == type).toList();
            if (ofType.isEmpty()) {
                continue;
            }
            heading(3, itemNo(++h3) + msg.text("solution.report.measuresOfType",
                    msg.text("solution.measureType." + type.name()), ofType.size()));
            int k = 1;
            for (Measure m : ofType) {
                body(msg.text("solution.report.measureText", k++, m.name(), m.owner().isEmpty() ? "—" : m.owner(), period(m),
                        m.cost() == null ? "—" : Charts.num(m.cost()), m.reductions().isEmpty() ? "—" : reductions(m.reductions()),
                        m.sources().isEmpty() ? "—" : m.sources()));
            }
        }
        if (!d.totalReductions().isEmpty()) {
            heading(2, subNo(++sub) + msg.text("solution.report.reductionTitle"));
            JFreeChart c = Charts.reductions(d.totalReductions(), msg.text("solution.report.reductionSeries"),
                    msg.text("solution.report.pollutant"), msg.text("solution.report.reductionAxis"));
            figure(c, msg.text("solution.report.reductionFigure"), Charts.WIDTH, Charts.HEIGHT);
        }
        return sub;
    }

    private int roadmap(SolutionDocument d, int sub) {
        boolean dated = d.measures().stream().anyMatch(m -> m.start() != null && m.end() != null);
        if (dated) {
            heading(2, subNo(++sub) + msg.text("solution.report.timetable"));
            int h = Math.max(220, 60 + 28 * (int) d.measures().stream().filter(m -> m.start() != null && m.end() != null).count());
            figure(Charts.gantt(d.measures(), msg.text("solution.report.measures"), "", msg.text("solution.report.quarter")),
                    msg.text("solution.report.ganttFigure"), Charts.WIDTH, Math.min(h, 900));
        }
        if (!d.milestones().isEmpty()) {
            heading(2, subNo(++sub) + msg.text("solution.report.milestones"));
            List<List<Object>> rows = new ArrayList<>();
            int n = 1;
            for (Milestone m : d.milestones()) {
                rows.add(List.of(n++, m.date(), m.indicator(), msg.text("solution.direction." + m.direction().name()), m.target(), m.unit()));
            }
            table(msg.text("solution.report.milestoneTable"), List.of(msg.text("solution.report.col.no"),
                    msg.text("solution.report.col.date"), msg.text("solution.report.col.indicator"),
                    msg.text("solution.report.col.direction"), msg.text("solution.report.col.target"),
                    msg.text("solution.report.col.unit")), rows, new int[] {6, 16, 36, 12, 14, 16});
        }
        return sub;
    }

    private int effect(SolutionDocument d, int sub) {
        if (!d.tracking().isEmpty()) {
            heading(2, subNo(++sub) + msg.text("solution.report.tracking"));
            Map<String, List<TrackingRecord>> byIndicator = new LinkedHashMap<>();
            d.tracking().forEach(t -> byIndicator.computeIfAbsent(t.indicator(), k -> new ArrayList<>()).add(t));
            int h3 = 0;
            for (Map.Entry<String, List<TrackingRecord>> e : byIndicator.entrySet()) {
                heading(3, itemNo(++h3) + e.getKey());
                List<Milestone> targets = d.milestones().stream().filter(m -> m.indicator().equals(e.getKey())).toList();
                List<List<Object>> rows = new ArrayList<>();
                for (TrackingRecord t : e.getValue()) {
                    Optional<Milestone> next = targets.stream().filter(m -> !m.date().isBefore(t.date())).findFirst();
                    rows.add(List.of(t.date(), t.value(), t.unit(), next.map(m -> (Object) m.target()).orElse(""),
                            next.map(m -> msg.text(m.met(t.value()) ? "solution.report.met" : "solution.report.notMet")).orElse("")));
                }
                table(msg.text("solution.report.trackingTable", e.getKey()), List.of(msg.text("solution.report.col.date"),
                        msg.text("solution.report.col.value"), msg.text("solution.report.col.unit"),
                        msg.text("solution.report.col.target"), msg.text("solution.report.col.met")), rows, new int[] {20, 20, 20, 20, 20});
                String unit = e.getValue().get(0).unit();
                figure(Charts.tracking(e.getKey(), e.getValue(), targets, msg.text("solution.report.col.date"),
                        unit.isEmpty() ? e.getKey() : e.getKey() + " (" + unit + ")"),
                        msg.text("solution.report.trackingFigure", e.getKey()), Charts.WIDTH, Charts.HEIGHT - 60);
            }
        }
        if (!d.measures().isEmpty()) {
            heading(2, subNo(++sub) + msg.text("solution.report.progress"));
            List<List<Object>> rows = new ArrayList<>();
            for (MeasureStatus s : MeasureStatus.values()) {
                long count = d.measures().stream().filter(m -> m.status() == s).count();
                if (count > 0) {
                    rows.add(List.of(msg.text("solution.status." + s.name()), count));
                }
            }
            table(msg.text("solution.report.progressTable"), List.of(msg.text("solution.report.col.status"),
                    msg.text("solution.report.col.count")), rows, new int[] {50, 50});
        }
        return sub;
    }

    private String period(Measure m) {
        if (m.start() == null && m.end() == null) {
            return "—";
        }
        return (m.start() == null ? "" : ym(m.start())) + "—" + (m.end() == null ? "" : ym(m.end()));
    }

    private String ym(LocalDate d) {
        return msg.text("solution.report.yearMonth", Integer.toString(d.getYear()), d.getMonthValue());
    }

    private static String reductions(Map<String, Double> r) {
        StringBuilder sb = new StringBuilder();
        r.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "；").append(k).append(' ').append(Charts.num(v)));
        return sb.toString();
    }

    // ---- heading numbers: 一、（一）1. in Chinese; 1 (1) 1. in English ----

    private boolean chinese() {
        return msg.locale().getLanguage().equals("zh");
    }

    private String chapterNo(int n) {
        return chinese() ? ChineseNumbers.chapter(n) : n + " ";
    }

    private String subNo(int n) {
        return chinese() ? ChineseNumbers.sub(n) : "(" + n + ") ";
    }

    private String itemNo(int n) {
        return ChineseNumbers.item(n);
    }

    // ---- building blocks ----

    private void heading(int level, String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Heading" + level);
        XWPFRun r = p.createRun();
        r.setText(text);
        font(r, HEADING_FONT, level == 1 ? 16 : level == 2 ? 14 : 12, true);
        if (level <= 2) {
            headings.add(new String[] {Integer.toString(level), text});
        }
    }

    private void body(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setIndentationFirstLine(480);
        p.setSpacingBetween(1.5);
        p.setAlignment(ParagraphAlignment.BOTH);
        run(p, text, BODY_FONT, 12, false);
    }

    private void caption(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle("Caption");
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setKeepNext(true);
        run(p, text, HEADING_FONT, 10.5, false);
    }

    private void note(String text) {
        XWPFParagraph p = doc.createParagraph();
        p.setSpacingAfter(160);
        XWPFRun r = run(p, text, BODY_FONT, 9, false);
        r.setColor("595959");
    }

    private void block(Block b) {
        if (!b.rows().isEmpty() && b.table()) {
            int[] widths = new int[b.headers().size()];
            java.util.Arrays.fill(widths, 1);
            table(b.title(), b.headers(), b.rows(), widths);
        } else if (b.rows().isEmpty()) {
            body(msg.text("solution.report.emptyBlock"));
        }
        if (b.chart()) {
            JFreeChart c = Charts.blockBars(b, "");
            if (c != null) {
                figure(c, b.title(), Charts.WIDTH, Charts.HEIGHT);
            }
        }
        note(msg.text("solution.report.provenance", b.provenance().data().isEmpty() ? "—" : b.provenance().data(),
                b.provenance().standard().isEmpty() ? "—" : b.provenance().standard(),
                b.provenance().run().isEmpty() ? "—" : b.provenance().run()));
    }

    /** Caption above, then a full-width table with a repeated, shaded header row; numbers right-aligned. */
    void table(String title, List<String> headers, List<List<Object>> rows, int[] widths) {
        caption(msg.text("solution.report.tableCaption", chapter, ++table, title));
        tablesTotal++;
        XWPFTable t = doc.createTable(rows.size() + 1, headers.size());
        t.setTableAlignment(TableRowAlign.CENTER);
        int total = java.util.Arrays.stream(widths).sum();
        int[] twips = new int[headers.size()];
        for (int c = 0; c < twips.length; c++) {
            twips[c] = TEXT_WIDTH_TWIPS * widths[c] / total;
        }
        t.setWidth(Integer.toString(TEXT_WIDTH_TWIPS));
        // LibreOffice lays tables out by the grid, Word by the cell widths: set both.
        var grid = t.getCTTbl().getTblGrid() == null ? t.getCTTbl().addNewTblGrid() : t.getCTTbl().getTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : twips) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        t.getCTTbl().getTblPr().addNewTblLayout().setType(org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType.FIXED);
        XWPFTableRow head = t.getRow(0);
        head.setRepeatHeader(true);
        head.setCantSplitRow(true);
        for (int c = 0; c < headers.size(); c++) {
            XWPFTableCell cell = head.getCell(c);
            cell.setColor("D9E2F3");
            cell.setWidth(Integer.toString(twips[c]));
            cellText(cell, headers.get(c), HEADING_FONT, true, ParagraphAlignment.CENTER);
        }
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = t.getRow(r + 1);
            row.setCantSplitRow(true);
            List<Object> values = rows.get(r);
            for (int c = 0; c < headers.size(); c++) {
                Object v = c < values.size() ? values.get(c) : null;
                boolean number = v instanceof Number;
                row.getCell(c).setWidth(Integer.toString(twips[c]));
                cellText(row.getCell(c), format(v), BODY_FONT, false, number ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
            }
        }
        doc.createParagraph().setSpacingAfter(0);
    }

    private static String format(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double dv) {
            return Charts.num(dv);
        }
        return v.toString();
    }

    private static void cellText(XWPFTableCell cell, String text, String font, boolean bold, ParagraphAlignment align) {
        XWPFParagraph p = cell.getParagraphs().get(0);
        p.setAlignment(align);
        p.setSpacingAfter(0);
        p.setSpacingBefore(0);
        run(p, text, font, 9, bold);
    }

    /** A chart as a PNG image, full text width, captioned below. */
    void figure(JFreeChart chart, String title, int width, int height) {
        byte[] png = Charts.png(chart, width, height);
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setKeepNext(true);
        double w = TEXT_WIDTH_PT;
        double h = w * height / width;
        try {
            p.createRun().addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG,
                    "figure-" + chapter + "-" + (figure + 1) + ".png", Units.toEMU(w), Units.toEMU(h));
        } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new EcoAidException(e, "error.unexpected", e.getMessage());
        }
        caption(msg.text("solution.report.figureCaption", chapter, ++figure, title));
        figuresTotal++;
    }

    static XWPFRun run(XWPFParagraph p, String text, String font, double sizePt, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text);
        font(r, font, sizePt, bold);
        return r;
    }

    /** Sets ascii/hAnsi to the Latin font, eastAsia to {@code eastAsia}, hint eastAsia and language zh-CN. */
    static void font(XWPFRun r, String eastAsia, double sizePt, boolean bold) {
        CTRPr rpr = r.getCTR().isSetRPr() ? r.getCTR().getRPr() : r.getCTR().addNewRPr();
        fonts(rpr, eastAsia);
        r.setFontSize(sizePt);
        r.setBold(bold);
    }
}
