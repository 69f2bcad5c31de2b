package cn.ecoaid.ui;

import cn.ecoaid.ui.util.ImmediateUiExecutor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteType;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.store.InMemorySiteRepository;
import cn.ecoaid.ui.sites.SitesViewModel;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The site table's logic without a window. */
class SitesViewModelTest {
    InMemorySiteRepository repo;
    SitesViewModel vm;

    @BeforeEach
    void setUp() {
        Messages.setCurrent(Messages.CHINESE);
        repo = new InMemorySiteRepository();
        vm = new SitesViewModel(repo, new ImmediateUiExecutor(), () -> { });
    }

    private void fill(String code, String name, String lon, String lat) {
        vm.codeProperty().set(code);
        vm.nameProperty().set(name);
        vm.typeProperty().set(SiteType.AIR_STATION);
        vm.longitudeProperty().set(lon);
        vm.latitudeProperty().set(lat);
    }

    @Test
    void addUndoRedo() {
        fill("A1", "一号站", "116.4", "39.9");
        assertTrue(vm.addFromForm());
        assertEquals(1, vm.sites().size());
        assertEquals("", vm.codeProperty().get(), "the form is cleared after adding");
        vm.undo();
        assertEquals(0, vm.sites().size());
        assertEquals(0, repo.count());
        vm.redo();
        assertEquals(List.of("A1"), vm.sites().stream().map(Site::code).toList());
    }

    @Test
    void invalidFormShowsTheBrokenRuleAndKeepsTheInput() {
        fill("A1", "一号站", "200", "39.9");
        assertFalse(vm.addFromForm());
        assertEquals("经度：坐标 200 超出有效范围（-180 至 180）", vm.messageProperty().get());
        assertEquals("200", vm.longitudeProperty().get());
        fill("A1", "一号站", "东经", "39.9");
        assertFalse(vm.addFromForm());
        assertEquals("经度：“东经”不是数字", vm.messageProperty().get());
        assertEquals(0, repo.count());
    }

    @Test
    void editIsUndoableAndDuplicateCodeIsRefused() {
        fill("A1", "一号站", "116.4", "39.9");
        vm.addFromForm();
        fill("A2", "二号站", "", "");
        vm.addFromForm();
        Site a1 = vm.sites().get(0);
        assertTrue(vm.edit(a1, a1.withName("改名")));
        assertEquals("改名", repo.get(a1.id()).orElseThrow().name());
        vm.undo();
        assertEquals("一号站", repo.get(a1.id()).orElseThrow().name());
        assertFalse(vm.edit(a1, a1.withCode("A2")));
        assertEquals("编码“A2”已被其他站点使用", vm.messageProperty().get());
    }

    @Test
    void importWithBadRowsReportsThemThenValidOnlyImportsTheRest(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path f = dir.resolve("s.csv");
        java.nio.file.Files.writeString(f, "编码,名称,类型,经度,纬度\nA1,一号站,空气站,116.4,39.9\nA2,二号站,空气站,500,39.9\n");
        Throwable[] failure = new Throwable[1];
        vm.importFile(f, false, e -> failure[0] = e);
        cn.ecoaid.domain.ImportRejectedException rejected = (cn.ecoaid.domain.ImportRejectedException) failure[0];
        assertEquals(3, rejected.problems().get(0).row());
        assertEquals(0, vm.sites().size());
        vm.importFile(f, true, e -> failure[0] = e);
        assertEquals(List.of("A1"), vm.sites().stream().map(Site::code).toList());
        assertEquals("已导入 1 个站点；1 处问题所在的行未导入", vm.messageProperty().get());
    }

    @Test
    void deleteIsUndoable() {
        fill("A1", "一号站", "116.4", "39.9");
        vm.addFromForm();
        vm.delete(vm.sites().get(0));
        assertEquals(0, vm.sites().size());
        vm.undo();
        assertEquals(1, vm.sites().size());
    }
}
