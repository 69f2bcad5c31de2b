package cn.ecoaid.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassificationTest {
    @Test
    void tcses144HasEightFirstLevelCategoriesWithFourLevels() {
        SourceTree t = SourceTree.tcses144();
        assertEquals(List.of("电力热力源", "工业源", "移动源和油品储运销", "生活源", "农业源", "扬尘源", "废弃物处理源", "生物质开放燃烧源"),
                t.roots().stream().map(SourceTree.Node::name).toList());
        assertEquals(List.of("移动源", "油品储运销"), t.children("3").stream().map(SourceTree.Node::name).toList());
        SourceTree.Node power = t.root("电力热力源").orElseThrow();
        assertEquals(4, power.levelDefinitions().size());
        assertTrue(power.levelDefinitions().get(2).contains("煤粉炉"));
        assertEquals("T/CSES 144—2024", t.document());
        assertEquals("OFFICIAL-TEXT", t.status());
    }

    @Test
    void city2017HasTenFirstLevelCategoriesAndIsSecondary() {
        SourceTree t = SourceTree.city2017();
        assertEquals(10, t.roots().size());
        assertEquals("化石燃料固定燃烧源", t.roots().get(0).name());
        assertEquals("其他排放源", t.roots().get(9).name());
        assertEquals(37, t.nodes().stream().filter(n -> n.level() == 1).count());
        assertEquals("SECONDARY", t.status());
        assertEquals("其它工业企业", t.child("2", "其它工业企业").orElseThrow().name());
    }

    @Test
    void treesAreEditableCopies() {
        SourceTree t = SourceTree.city2017().withNode("1011", "燃煤电厂", "101");
        assertEquals(2, t.byCode("1011").orElseThrow().level());
        assertEquals("USER", t.status());
        assertTrue(SourceTree.city2017().byCode("1011").isEmpty());
    }

    @ParameterizedTest(name = "{0}/{1} → {2}")
    @CsvSource({
        "化石燃料固定燃烧源, 电力, 电力热力源",
        "化石燃料固定燃烧源, 工业锅炉, 工业源",
        "化石燃料固定燃烧源, 民用燃烧（民用源）, 生活源",
        "工艺过程源, 水泥, 工业源",
        "移动源, 机动车, 移动源和油品储运销",
        "溶剂使用源, 农药使用, 农业源",
        "溶剂使用源, 建筑涂料, 生活源",
        "储存运输源, 加油站, 移动源和油品储运销",
        "生物质燃烧源, 生物质开放燃烧, 生物质开放燃烧源",
        "其他排放源, 餐饮油烟, 生活源",
        "生物质燃烧源, 生物质燃料（生物质锅炉/炉灶）, ''",
        "废弃物处理源, 烟气脱硝（氨逃逸）, ''"})
    void mapsThe2017TreeWhereJustified(String l1, String l2, String expected) {
        CategoryMapping m = CategoryMapping.city2017ToTcses144();
        assertEquals(expected, m.map(l1, l2).map(CategoryMapping.Target::category).orElse(""));
    }

    @Test
    void everyMappedTargetIsAFirstLevelCategoryOfTcses144AndEverySourceIsIn2017() {
        SourceTree tc = SourceTree.tcses144();
        SourceTree old = SourceTree.city2017();
        for (CategoryMapping.Rule r : CategoryMapping.city2017ToTcses144().rules()) {
            assertTrue(old.root(r.fromL1()).isPresent(), r.fromL1());
            if (!r.fromL2().equals("*")) {
                String code = old.root(r.fromL1()).orElseThrow().code();
                assertTrue(old.child(code, r.fromL2()).isPresent(), r.fromL2());
            }
            assertTrue(r.toL1().isEmpty() || tc.root(r.toL1()).isPresent(), r.toL1());
        }
        for (SourceTree.Node n : old.nodes()) {
            if (n.level() == 1) {
                String l1 = old.byCode(n.parentCode()).orElseThrow().name();
                boolean covered = CategoryMapping.city2017ToTcses144().rules().stream().anyMatch(
                        r -> r.fromL1().equals(l1) && (r.fromL2().equals("*") || r.fromL2().equals(n.name())));
                assertTrue(covered, "no mapping rule for " + l1 + "/" + n.name());
            }
        }
    }

    @ParameterizedTest(name = "first level {0} → {1}")
    @CsvSource({"工艺过程源, 工业源", "扬尘源, 扬尘源", "储存运输源, 移动源和油品储运销", "化石燃料固定燃烧源, ''", "溶剂使用源, ''"})
    void mapsWholeFirstLevelsOnlyWhenAllSubSectorsAgree(String l1, String expected) {
        assertEquals(expected, CategoryMapping.city2017ToTcses144().mapFirstLevel(l1).orElse(""));
    }
}
