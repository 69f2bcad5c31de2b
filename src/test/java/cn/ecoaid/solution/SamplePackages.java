package cn.ecoaid.solution;

import cn.ecoaid.domain.Ids;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A realistic city package for report and view-model tests. */
public final class SamplePackages {
    private SamplePackages() {
    }

    /** A block source "table" with {@code rows} rows of two numeric columns (values i and 2i). */
    public static BlockSource tableSource() {
        return new BlockSource() {
            @Override
            public String id() {
                return "table";
            }

            @Override
            public Block render(BlockRef ref, Context context) {
                int n = Integer.parseInt(ref.params().getOrDefault("rows", "5"));
                List<List<Object>> rows = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    rows.add(List.of("站点" + i, (double) i, 2.0 * i));
                }
                return new Block("table", ref.params().getOrDefault("title", "PM2.5 与 PM10 年均浓度"),
                        List.of("点位", "PM2.5（µg/m³）", "PM10（µg/m³）"), rows, ref.chart(),
                        new Provenance("attainment 2026-11-28T08:00:00Z", "GB 3095-2012；HJ 663-2013", "station-2025.csv（SHA-256 0a1b2c…）"));
            }
        };
    }

    public static SolutionPackage city(SolutionRepository repo) {
        SolutionPackage p = SolutionPackage.create(Scope.CITY, "示例市大气污染防治“一市一策”综合解决方案", "示例市",
                "示例市驻点跟踪研究工作组");
        repo.addPackage(p);
        repo.saveSection(new Section(Ids.newId(), p.id(), SectionKind.DIAGNOSIS,
                "2025 年示例市 PM2.5 年均浓度为 38 µg/m³，超过《环境空气质量标准》（GB 3095-2012）二级浓度限值 0.09 倍；"
                        + "O₃ 日最大 8 小时平均第 90 百分位数为 168 µg/m³。\n\n冬季（12 月—次年 2 月）PM2.5 超标天数占全年超标天数的 72%，"
                        + "首要污染物以 PM2.5 为主，夏季以 O₃ 为主。",
                List.of(new BlockRef("table", Map.of("rows", "6"), true))));
        repo.saveSection(new Section(Ids.newId(), p.id(), SectionKind.SOURCES,
                "PMF 解析结果表明，燃煤源、机动车和扬尘源是 PM2.5 的主要来源。", List.of()));
        repo.saveSection(new Section(Ids.newId(), p.id(), SectionKind.MEASURES,
                "围绕燃煤、机动车、扬尘和挥发性有机物四个重点领域，提出以下措施。", List.of()));
        add(repo, p, "燃煤锅炉超低排放改造", MeasureType.ENGINEERING, "工业", "燃煤锅炉", "市生态环境局", "2026-01-01", "2026-12-31",
                5000.0, Map.of("PM2.5", 120.5, "NOx", 300.0, "SO2", 420.0), MeasureStatus.IN_PROGRESS);
        add(repo, p, "散煤清洁化替代", MeasureType.STRUCTURAL, "民用", "散煤燃烧", "市发展改革委", "2026-04-01", "2027-10-31",
                12000.0, Map.of("PM2.5", 350.0, "SO2", 800.0), MeasureStatus.PLANNED);
        add(repo, p, "国三及以下柴油货车淘汰", MeasureType.STRUCTURAL, "交通", "柴油货车", "市交通运输局", "2026-03-01", "2027-06-30",
                3000.0, Map.of("NOx", 950.0, "PM2.5", 40.0), MeasureStatus.IN_PROGRESS);
        add(repo, p, "施工工地扬尘精细化管控", MeasureType.MANAGEMENT, "扬尘", "施工工地", "市住房城乡建设局", "2026-02-01",
                "2026-11-30", 800.0, Map.of("PM10", 900.0, "PM2.5", 180.0), MeasureStatus.DONE);
        add(repo, p, "工业涂装 VOCs 综合治理", MeasureType.ENGINEERING, "工业", "涂装企业", "市生态环境局", "2026-07-01", "2027-12-31",
                2600.0, Map.of("VOCs", 1200.0), MeasureStatus.PLANNED);
        add(repo, p, "重污染天气应急减排", MeasureType.EMERGENCY, "综合", "重点排污单位", "市重污染天气应急指挥部办公室", "2026-10-01",
                "2027-03-31", null, Map.of(), MeasureStatus.PLANNED);
        repo.addMilestone(new Milestone(Ids.newId(), p.id(), LocalDate.of(2026, 12, 31), "PM2.5 年均浓度", 34, "µg/m³",
                Milestone.Direction.AT_MOST));
        repo.addMilestone(new Milestone(Ids.newId(), p.id(), LocalDate.of(2027, 12, 31), "PM2.5 年均浓度", 30, "µg/m³",
                Milestone.Direction.AT_MOST));
        repo.addMilestone(new Milestone(Ids.newId(), p.id(), LocalDate.of(2027, 12, 31), "优良天数比例", 80, "%",
                Milestone.Direction.AT_LEAST));
        double[] pm = {41.2, 37.5, 33.0, 35.8};
        for (int q = 0; q < pm.length; q++) {
            repo.addTracking(new TrackingRecord(Ids.newId(), p.id(), "", "PM2.5 年均浓度", LocalDate.of(2026, 3 * q + 3, 1).plusMonths(1).minusDays(1),
                    pm[q], "µg/m³"));
        }
        repo.addTracking(new TrackingRecord(Ids.newId(), p.id(), "", "优良天数比例", LocalDate.of(2026, 6, 30), 76.4, "%"));
        return p;
    }

    private static void add(SolutionRepository repo, SolutionPackage p, String name, MeasureType type, String sector, String sources,
                            String owner, String start, String end, Double cost, Map<String, Double> red, MeasureStatus status) {
        repo.addMeasure(new Measure(Ids.newId(), p.id(), name, type, sector, sources, owner, LocalDate.parse(start),
                LocalDate.parse(end), cost, red, "", status, List.of("PM2.5 年均浓度")));
    }
}
