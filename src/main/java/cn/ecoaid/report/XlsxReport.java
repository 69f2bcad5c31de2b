package cn.ecoaid.report;

import cn.ecoaid.l10n.Messages;
import cn.ecoaid.report.XlsxTables.ChartSpec;
import cn.ecoaid.report.XlsxTables.Formula;
import cn.ecoaid.report.XlsxTables.TypedSheet;
import cn.ecoaid.solution.Block;
import cn.ecoaid.solution.Measure;
import cn.ecoaid.solution.Milestone;
import cn.ecoaid.solution.SectionKind;
import cn.ecoaid.solution.SolutionDocument;
import cn.ecoaid.solution.TrackingRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Excel workbook of a solution package for the bureau's staff: one sheet per dataset (measures, roadmap,
 * milestones, tracking, then every live block — inventory totals, sites …), typed cells, totals as SUM formulas,
 * durations as formulas, native charts for measures' reductions, tracking and inventory totals.
 */
public final class XlsxReport {
    private final Messages msg;

    public XlsxReport(Messages msg) {
        this.msg = msg;
    }

    public void write(SolutionDocument d, Path out) {
        XlsxTables.writeTypedSheets(out, sheets(d));
    }

    List<TypedSheet> sheets(SolutionDocument d) {
        List<TypedSheet> sheets = new ArrayList<>();
        sheets.add(measures(d));
        sheets.add(roadmap(d));
        sheets.add(milestones(d));
        sheets.add(tracking(d));
        for (SectionKind kind : SectionKind.values()) {
            for (Block b : d.blocks(kind)) {
                sheets.add(block(b));
            }
        }
        return sheets;
    }

    private TypedSheet measures(SolutionDocument d) {
        Set<String> pollutants = new TreeSet<>();
        d.measures().forEach(m -> pollutants.addAll(m.reductions().keySet()));
        List<String> headers = new ArrayList<>(List.of(t("solution.report.col.no"), t("solution.report.col.name"),
                t("solution.report.col.type"), t("solution.report.col.sector"), t("solution.xlsx.sources"),
                t("solution.report.col.owner"), t("solution.xlsx.start"), t("solution.xlsx.end"), t("solution.report.col.cost")));
        int firstPollutant = headers.size();
        pollutants.forEach(p -> headers.add(t("solution.xlsx.reductionOf", p)));
        headers.addAll(List.of(t("solution.report.col.status"), t("solution.xlsx.scenario"), t("solution.xlsx.indicators")));
        List<List<Object>> rows = new ArrayList<>();
        int n = 1;
        for (Measure m : d.measures()) {
            List<Object> row = new ArrayList<>(List.of(n++, m.name(), t("solution.measureType." + m.type().name()), m.sector(),
                    m.sources(), m.owner()));
            row.add(m.start());
            row.add(m.end());
            row.add(m.cost());
            for (String p : pollutants) {
                row.add(m.reductions().get(p));
            }
            row.add(t("solution.status." + m.status().name()));
            row.add(m.scenario());
            row.add(String.join("；", m.indicators()));
            rows.add(row);
        }
        Set<Integer> totals = new LinkedHashSet<>();
        totals.add(firstPollutant - 1);
        List<Integer> series = new ArrayList<>();
        for (int i = 0; i < pollutants.size(); i++) {
            totals.add(firstPollutant + i);
            series.add(firstPollutant + i);
        }
        ChartSpec chart = series.isEmpty() ? null : new ChartSpec(t("solution.xlsx.reductionChart"), 1, series,
                t("solution.report.reductionAxis"), false);
        return new TypedSheet(t("solution.xlsx.sheet.measures"), headers, rows, totals, t("solution.report.total"), chart);
    }

    private TypedSheet roadmap(SolutionDocument d) {
        List<String> headers = List.of(t("solution.report.col.no"), t("solution.report.col.name"), t("solution.xlsx.start"),
                t("solution.xlsx.end"), t("solution.xlsx.days"), t("solution.xlsx.startQuarter"), t("solution.xlsx.endQuarter"),
                t("solution.report.col.owner"), t("solution.report.col.status"));
        List<List<Object>> rows = new ArrayList<>();
        int n = 1;
        for (Measure m : d.measures()) {
            List<Object> row = new ArrayList<>();
            row.add(n++);
            row.add(m.name());
            row.add(m.start());
            row.add(m.end());
            row.add(m.start() != null && m.end() != null ? new Formula("D{r}-C{r}+1") : null);
            row.add(m.start() == null ? null : quarter(m.start()));
            row.add(m.end() == null ? null : quarter(m.end()));
            row.add(m.owner());
            row.add(t("solution.status." + m.status().name()));
            rows.add(row);
        }
        return new TypedSheet(t("solution.xlsx.sheet.roadmap"), headers, rows, Set.of(), "", null);
    }

    private static String quarter(java.time.LocalDate d) {
        return d.getYear() + "Q" + ((d.getMonthValue() - 1) / 3 + 1);
    }

    private TypedSheet milestones(SolutionDocument d) {
        List<String> headers = List.of(t("solution.report.col.no"), t("solution.report.col.date"), t("solution.report.col.indicator"),
                t("solution.report.col.direction"), t("solution.report.col.target"), t("solution.report.col.unit"));
        List<List<Object>> rows = new ArrayList<>();
        int n = 1;
        for (Milestone m : d.milestones()) {
            rows.add(List.of(n++, m.date(), m.indicator(), t("solution.direction." + m.direction().name()), m.target(), m.unit()));
        }
        return new TypedSheet(t("solution.xlsx.sheet.milestones"), headers, rows, Set.of(), "", null);
    }

    private TypedSheet tracking(SolutionDocument d) {
        List<String> headers = List.of(t("solution.report.col.indicator"), t("solution.report.col.date"), t("solution.report.col.value"),
                t("solution.report.col.unit"), t("solution.xlsx.measure"));
        List<List<Object>> rows = new ArrayList<>();
        for (TrackingRecord r : d.tracking()) {
            String measure = d.measures().stream().filter(m -> m.id().equals(r.measureId())).map(Measure::name).findFirst().orElse("");
            rows.add(List.of(r.indicator(), r.date(), r.value(), r.unit(), measure));
        }
        return new TypedSheet(t("solution.xlsx.sheet.tracking"), headers, rows, Set.of(), "", null);
    }

    /** A live block as a sheet; quantities (blocks drawn as charts, inventory totals) get totals and a chart. */
    private TypedSheet block(Block b) {
        Set<Integer> numeric = new LinkedHashSet<>();
        for (int c = 0; c < b.headers().size(); c++) {
            final int col = c;
            if (!b.rows().isEmpty() && b.rows().stream().allMatch(r -> col < r.size() && (r.get(col) == null || r.get(col) instanceof Number))) {
                numeric.add(c);
            }
        }
        boolean quantities = b.chart() || b.source().equals("inventory-totals");
        List<List<Object>> rows = new ArrayList<>(b.rows());
        List<String> headers = b.headers();
        ChartSpec chart = quantities && !numeric.isEmpty() && !numeric.contains(0)
                ? new ChartSpec(b.title(), 0, new ArrayList<>(numeric), "", false) : null;
        return new TypedSheet(b.title(), headers, rows, quantities ? numeric : Set.of(), t("solution.report.total"), chart);
    }

    private String t(String key, Object... args) {
        return msg.text(key, args);
    }
}
