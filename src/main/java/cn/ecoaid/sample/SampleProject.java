package cn.ecoaid.sample;

import cn.ecoaid.air.AirImport;
import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Hashes;
import cn.ecoaid.domain.Ids;
import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.domain.Project;
import cn.ecoaid.domain.TeamMember;
import cn.ecoaid.domain.Topic;
import cn.ecoaid.geo.Layer;
import cn.ecoaid.geo.LayerRepository;
import cn.ecoaid.inventory.SavedInventory;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.sites.SiteImport;
import cn.ecoaid.map.LayerFiles;
import cn.ecoaid.map.MapStyles;
import cn.ecoaid.store.SqliteLayerRepository;
import cn.ecoaid.solution.BlockRef;
import cn.ecoaid.solution.Measure;
import cn.ecoaid.solution.MeasureImport;
import cn.ecoaid.solution.Milestone;
import cn.ecoaid.solution.Scope;
import cn.ecoaid.solution.SectionKind;
import cn.ecoaid.solution.SolutionPackage;
import cn.ecoaid.solution.SolutionRepository;
import cn.ecoaid.store.Workspace;
import cn.ecoaid.water.BioFile;
import cn.ecoaid.water.BioSample;
import cn.ecoaid.water.WaterBodyType;
import cn.ecoaid.water.WaterQualityFile;
import cn.ecoaid.water.WaterSample;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the complete sample project of the fictional city 示例市 (code 990100) in a new workspace, from the files of
 * {@code sample-data/project} that travel in the jar: sites, the city inventory with its scenarios, and the other
 * capabilities' data as they are added. The start screen's "open the sample project" and {@code sample create} use it.
 */
public final class SampleProject {
    private static final Logger LOG = LoggerFactory.getLogger(SampleProject.class);
    /** Folder of the sample files inside the jar. */
    static final String ROOT = "/cn/ecoaid/sample/project/";
    public static final String CITY_CODE = "990100";
    public static final String CITY_NAME = "示例市";

    private SampleProject() {
    }

    /** The project record of the sample. */
    public static Project project() {
        return new Project(Ids.newId(), CITY_CODE, CITY_NAME, "示例市大气与水生态驻点跟踪研究", LocalDate.of(2025, 1, 1),
                LocalDate.of(2026, 12, 31), List.of(Topic.AIR, Topic.WATER, Topic.INVENTORY, Topic.CARBON),
                List.of(new TeamMember(Ids.newId(), "王晓明", "组长", "示例环境科学研究院"),
                        new TeamMember(Ids.newId(), "李静", "大气专家", "示例大学环境学院"),
                        new TeamMember(Ids.newId(), "陈志远", "水生态专家", "示例市生态环境监测站")));
    }

    /** Creates {@code file} (which must not exist) with everything of the sample; on failure nothing is left behind. */
    public static Workspace create(Path file, Clock clock, String author, ProgressListener progress) {
        Path tmp;
        try {
            tmp = Files.createTempDirectory("ecoaid-sample-");
        } catch (IOException e) {
            throw new EcoAidException(e, "sample.error.create", file, e.getMessage());
        }
        Workspace ws = Workspace.create(file, project(), clock, author);
        try {
            int steps = 7;
            progress.progress(0, steps);
            progress.checkCancelled();
            new SiteImport(ws.sites()).importTable(TableFiles.read(extract("sites.csv", tmp)), false);
            progress.progress(1, steps);
            progress.checkCancelled();
            Map<SavedInventory.Role, Path> files = new EnumMap<>(SavedInventory.Role.class);
            files.put(SavedInventory.Role.ACTIVITIES, extract("inventory/activities-2025.csv", tmp));
            files.put(SavedInventory.Role.FACTORS, extract("inventory/factors.csv", tmp));
            files.put(SavedInventory.Role.MEASURES, extract("inventory/measures.csv", tmp));
            files.put(SavedInventory.Role.SOURCES, extract("inventory/grid-sources.csv", tmp));
            files.put(SavedInventory.Role.PROXIES, extract("inventory/grid-proxies.csv", tmp));
            ws.inventories().create("2025年基准清单", 2025, "示例市城市大气污染源排放清单（虚构数据）", files);
            progress.progress(2, steps);
            progress.checkCancelled();
            Path hourly = extract("air/hourly-2025-2026.csv", tmp);
            ws.air().saveHourly(hourly.getFileName().toString(), AirImport.readHourly(hourly, ProgressListener.NONE).stations());
            progress.progress(3, steps);
            progress.checkCancelled();
            addLayer(ws, extract("map/counties.geojson", tmp), "区县界",
                    "{\"fill\": \"#f2efe6\", \"stroke\": \"#666666\", \"strokeWidth\": 1.0, \"label\": \"name\"}");
            addLayer(ws, extract("map/water.geojson", tmp), "水系",
                    "{\"fill\": \"#9ecae1\", \"stroke\": \"#3182bd\", \"strokeWidth\": 2.0, \"label\": \"name\"}");
            progress.progress(4, steps);
            progress.checkCancelled();
            addWaterSurvey(ws, tmp);
            progress.progress(5, steps);
            addSolution(ws, tmp);
            copyFilesBeside(file);
            progress.progress(6, steps);
            progress.progress(7, steps);
            LOG.info("sample project created in {}", file);
            return ws;
        } catch (RuntimeException e) {
            ws.close();
            deleteQuietly(file);
            if (Files.isDirectory(filesFolder(file))) {
                deleteTree(filesFolder(file));
            }
            throw e;
        } finally {
            deleteTree(tmp);
        }
    }

    /** The season of river and lake data and the benthic survey, kept as one survey of the workspace. */
    private static void addWaterSurvey(Workspace ws, Path tmp) {
        java.util.Map<String, WaterQualityFile.SiteInfo> info = new java.util.HashMap<>();
        ws.sites().list().forEach(site -> info.put(site.code(), WaterQualityFile.SiteInfo.of(site.attributes())));
        java.util.List<WaterSample> samples = new java.util.ArrayList<>();
        samples.addAll(WaterQualityFile.read(TableFiles.read(extract("water/wq-river-season.csv", tmp)), WaterBodyType.RIVER,
                false, info).samples());
        samples.addAll(WaterQualityFile.read(TableFiles.read(extract("water/wq-lake-season.csv", tmp)), WaterBodyType.LAKE,
                false, info).samples());
        java.util.List<BioSample> bio = BioFile.read(TableFiles.read(extract("water/benthic-survey.csv", tmp)));
        String survey = ws.water().createSurvey("2026年清水河—镜湖水生态调查", "2026", "示例数据（虚构）").id();
        ws.water().addSamples(survey, samples);
        ws.water().addBioSamples(survey, bio);
    }

    /** Title of the sample's solution package. */
    public static final String SOLUTION_TITLE = "示例市大气与水环境质量改善综合解决方案";

    /**
     * The city's solution package: diagnosis with the stations' 2025 attainment and the sections' classes, the kept
     * inventory's totals, the measures of the sample file, milestones and two tracking records — all live blocks read
     * the workspace's own data.
     */
    private static void addSolution(Workspace ws, Path tmp) {
        SolutionRepository repo = ws.solutions();
        SolutionPackage p = SolutionPackage.create(Scope.CITY, SOLUTION_TITLE, CITY_NAME, "示例市驻点跟踪研究工作组");
        repo.addPackage(p);
        repo.saveSection(new cn.ecoaid.solution.Section(Ids.newId(), p.id(), SectionKind.DIAGNOSIS,
                "2025 年示例市 PM2.5 年均浓度超过二级标准，秋冬季重污染过程集中；夏季臭氧 8 小时浓度超标。清水河下游及镜湖入湖口断面"
                        + "水质未达到目标，主要污染指标为总磷和氨氮。",
                List.of(new BlockRef("air-attainment", java.util.Map.of("year", "2025"), false),
                        new BlockRef("water-classes", java.util.Map.of(), false))));
        repo.saveSection(new cn.ecoaid.solution.Section(Ids.newId(), p.id(), SectionKind.INVENTORY,
                "2025 年基准清单按 T/CSES 144—2024 编制，工业源与移动源是 NOx、VOCs 的主要来源。",
                List.of(new BlockRef("inventory-totals", java.util.Map.of("inventory", "2025年基准清单"), true))));
        repo.saveSection(new cn.ecoaid.solution.Section(Ids.newId(), p.id(), SectionKind.MEASURES,
                "以燃煤锅炉超低排放改造、散煤替代和挥发性有机物综合治理为重点，兼顾入河排污口整治。", List.of()));
        for (Measure m : MeasureImport.fromTable(TableFiles.read(extract("solution/measures.csv", tmp)), p.id())) {
            repo.addMeasure(m);
        }
        repo.addMilestone(new Milestone(Ids.newId(), p.id(), LocalDate.of(2026, 12, 31), "PM2.5 年均浓度", 35, "µg/m³",
                Milestone.Direction.AT_MOST));
        repo.addMilestone(new Milestone(Ids.newId(), p.id(), LocalDate.of(2027, 12, 31), "PM2.5 年均浓度", 30, "µg/m³",
                Milestone.Direction.AT_MOST));
        repo.addMilestone(new Milestone(Ids.newId(), p.id(), LocalDate.of(2027, 12, 31), "优良天数比例", 85, "%",
                Milestone.Direction.AT_LEAST));
    }

    /** All sample input files, in a folder beside the workspace, for the user guide's exercises (file dialogs). */
    public static Path filesFolder(Path workspace) {
        String name = workspace.getFileName().toString().replaceFirst("\\.ecoaid$", "");
        return workspace.resolveSibling(name + "-示例数据");
    }

    private static void copyFilesBeside(Path workspace) {
        Path dir = filesFolder(workspace);
        try (InputStream in = SampleProject.class.getResourceAsStream(ROOT + "files.txt")) {
            if (in == null) {
                throw new EcoAidException("sample.error.missing", "files.txt");
            }
            for (String name : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
                if (!name.isBlank()) {
                    extract(name.strip(), dir);
                }
            }
        } catch (IOException e) {
            throw new EcoAidException(e, "sample.error.create", workspace, e.getMessage());
        }
    }

    private static void addLayer(Workspace ws, Path file, String name, String style) {
        Layer layer = LayerFiles.read(file.toString(), null).withName(name);
        String json = MapStyles.toJson(MapStyles.parse(style, MapStyles.defaultFor(layer, 0), layer));
        String sha;
        try {
            sha = Hashes.sha256(file);
        } catch (IOException e) {
            throw new EcoAidException(e, "sample.error.missing", file.getFileName());
        }
        SqliteLayerRepository.of(ws).add(layer, json, new LayerRepository.Source(file.getFileName().toString(), "geojson", sha));
    }

    /** Copies one sample file out of the jar into {@code dir} (keeping its name, which tells the readers its format). */
    static Path extract(String name, Path dir) {
        try (InputStream in = SampleProject.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new EcoAidException("sample.error.missing", name);
            }
            Path target = dir.resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new EcoAidException(e, "sample.error.missing", name);
        }
    }

    private static void deleteQuietly(Path file) {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            try {
                Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
            } catch (IOException e) {
                LOG.warn("cannot delete {}", file, e);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("cannot delete {}", dir, e);
        }
    }
}
