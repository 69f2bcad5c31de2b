package cn.ecoaid.solution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON form of every solution record: what the store keeps in its {@code data} column, what an outbox operation
 * carries and what a frozen version's {@code records/} hold. Field names are snake_case; dates ISO-8601; absent values
 * are JSON null.
 */
public final class SolutionCodec {
    private SolutionCodec() {
    }

    public static ObjectNode toJson(SolutionPackage p) {
        ObjectNode o = CanonicalJson.object();
        o.put("id", p.id());
        o.put("scope", p.scope().name());
        o.put("title", p.title());
        o.put("city", p.city());
        o.put("team", p.team());
        return o;
    }

    public static SolutionPackage packageFrom(JsonNode o) {
        return new SolutionPackage(o.path("id").asText(), Scope.valueOf(o.path("scope").asText("CITY")),
                o.path("title").asText(""), o.path("city").asText(""), o.path("team").asText(""));
    }

    public static ObjectNode toJson(Section s) {
        ObjectNode o = CanonicalJson.object();
        o.put("id", s.id());
        o.put("package_id", s.packageId());
        o.put("kind", s.kind().name());
        o.put("text", s.text());
        ArrayNode blocks = o.putArray("blocks");
        for (BlockRef b : s.blocks()) {
            ObjectNode bo = blocks.addObject();
            bo.put("source", b.source());
            bo.put("chart", b.chart());
            ObjectNode params = bo.putObject("params");
            b.params().forEach(params::put);
        }
        return o;
    }

    public static Section sectionFrom(JsonNode o) {
        List<BlockRef> blocks = new ArrayList<>();
        for (JsonNode b : o.path("blocks")) {
            Map<String, String> params = new LinkedHashMap<>();
            b.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            blocks.add(new BlockRef(b.path("source").asText(), params, b.path("chart").asBoolean(false)));
        }
        return new Section(o.path("id").asText(), o.path("package_id").asText(), SectionKind.valueOf(o.path("kind").asText()),
                o.path("text").asText(""), blocks);
    }

    public static ObjectNode toJson(Measure m) {
        ObjectNode o = CanonicalJson.object();
        o.put("id", m.id());
        o.put("package_id", m.packageId());
        o.put("name", m.name());
        o.put("type", m.type() == null ? null : m.type().name());
        o.put("sector", m.sector());
        o.put("sources", m.sources());
        o.put("owner", m.owner());
        o.put("start", date(m.start()));
        o.put("end", date(m.end()));
        if (m.cost() == null) {
            o.putNull("cost");
        } else {
            o.set("cost", CanonicalJson.number(m.cost()));
        }
        ObjectNode red = o.putObject("reductions");
        m.reductions().forEach((k, v) -> red.set(k, CanonicalJson.number(v)));
        o.put("scenario", m.scenario());
        o.put("status", m.status().name());
        ArrayNode ind = o.putArray("indicators");
        m.indicators().forEach(ind::add);
        return o;
    }

    public static Measure measureFrom(JsonNode o) {
        Map<String, Double> red = new LinkedHashMap<>();
        o.path("reductions").fields().forEachRemaining(e -> red.put(e.getKey(), e.getValue().asDouble()));
        List<String> ind = new ArrayList<>();
        o.path("indicators").forEach(n -> ind.add(n.asText()));
        JsonNode type = o.path("type");
        return new Measure(o.path("id").asText(), o.path("package_id").asText(), o.path("name").asText(""),
                type.isTextual() ? MeasureType.valueOf(type.asText()) : null, o.path("sector").asText(""),
                o.path("sources").asText(""), o.path("owner").asText(""), date(o.path("start")), date(o.path("end")),
                o.path("cost").isNumber() ? o.path("cost").asDouble() : null, red, o.path("scenario").asText(""),
                MeasureStatus.valueOf(o.path("status").asText("PLANNED")), ind);
    }

    public static ObjectNode toJson(Milestone m) {
        ObjectNode o = CanonicalJson.object();
        o.put("id", m.id());
        o.put("package_id", m.packageId());
        o.put("date", date(m.date()));
        o.put("indicator", m.indicator());
        o.set("target", CanonicalJson.number(m.target()));
        o.put("unit", m.unit());
        o.put("direction", m.direction().name());
        return o;
    }

    public static Milestone milestoneFrom(JsonNode o) {
        return new Milestone(o.path("id").asText(), o.path("package_id").asText(), date(o.path("date")),
                o.path("indicator").asText(""), o.path("target").asDouble(), o.path("unit").asText(""),
                Milestone.Direction.valueOf(o.path("direction").asText("AT_MOST")));
    }

    public static ObjectNode toJson(TrackingRecord t) {
        ObjectNode o = CanonicalJson.object();
        o.put("id", t.id());
        o.put("package_id", t.packageId());
        o.put("measure_id", t.measureId());
        o.put("indicator", t.indicator());
        o.put("date", date(t.date()));
        o.set("value", CanonicalJson.number(t.value()));
        o.put("unit", t.unit());
        return o;
    }

    public static TrackingRecord trackingFrom(JsonNode o) {
        return new TrackingRecord(o.path("id").asText(), o.path("package_id").asText(), o.path("measure_id").asText(""),
                o.path("indicator").asText(""), date(o.path("date")), o.path("value").asDouble(), o.path("unit").asText(""));
    }

    /** A rendered block as it is frozen into a version. */
    public static ObjectNode toJson(Block b) {
        ObjectNode o = CanonicalJson.object();
        o.put("source", b.source());
        o.put("title", b.title());
        o.put("chart", b.chart());
        o.put("table", b.table());
        ArrayNode h = o.putArray("headers");
        b.headers().forEach(h::add);
        ArrayNode rows = o.putArray("rows");
        for (List<Object> r : b.rows()) {
            ArrayNode row = rows.addArray();
            for (Object v : r) {
                if (v == null) {
                    row.addNull();
                } else if (v instanceof Number n) {
                    row.add(CanonicalJson.number(n.doubleValue()));
                } else {
                    row.add(v.toString());
                }
            }
        }
        ObjectNode p = o.putObject("provenance");
        p.put("run", b.provenance().run());
        p.put("standard", b.provenance().standard());
        p.put("data", b.provenance().data());
        return o;
    }

    public static Block blockFrom(JsonNode o) {
        List<String> headers = new ArrayList<>();
        o.path("headers").forEach(n -> headers.add(n.asText()));
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode r : o.path("rows")) {
            List<Object> row = new ArrayList<>();
            for (JsonNode v : r) {
                row.add(v.isNull() ? null : v.isNumber() ? (Object) v.asDouble() : v.asText());
            }
            rows.add(row);
        }
        JsonNode p = o.path("provenance");
        return new Block(o.path("source").asText(), o.path("title").asText(""), headers, rows, o.path("chart").asBoolean(),
                o.path("table").asBoolean(true), new Provenance(p.path("run").asText(""), p.path("standard").asText(""), p.path("data").asText("")));
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static LocalDate date(JsonNode n) {
        return n == null || !n.isTextual() || n.asText().isEmpty() ? null : LocalDate.parse(n.asText());
    }
}
