package cn.ecoaid.ui;

import cn.ecoaid.ui.util.ImmediateUiExecutor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteType;
import cn.ecoaid.geo.CrsRegistry;
import cn.ecoaid.geo.Reprojection;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.map.Viewport;
import cn.ecoaid.store.TestWorkspaces;
import cn.ecoaid.store.Workspace;
import cn.ecoaid.ui.map.MapViewModel;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The map page: import, draw order, identify, cursor coordinates, styles kept in the workspace. */
class MapViewModelTest {
    static final Path COUNTIES = Path.of("sample-data/examples/map/counties_gbk/示例市县界.shp");

    @TempDir
    Path dir;

    static double[] pixel(MapViewModel vm, double lon, double lat) {
        double[] xy = new Reprojection(CrsRegistry.CGCS2000, vm.viewCrsProperty().get()).transform(lon, lat);
        Viewport v = vm.viewportProperty().get();
        return new double[] {v.px(xy[0]), v.py(xy[1])};
    }

    @Test
    void importsIdentifiesRestylesAndKeepsTheStyle() {
        Messages.setCurrent(Messages.CHINESE);
        Path file;
        try (Workspace ws = TestWorkspaces.create(dir)) {
            file = ws.file();
            ws.sites().add(Site.create("SS-A02", "东城区监测站", SiteType.AIR_STATION, 117.22, 30.96));
            MapViewModel vm = new MapViewModel(ws, new ImmediateUiExecutor());
            vm.resize(800, 600);
            vm.load();
            assertEquals(1, vm.layers().size(), "the sites layer");
            vm.importFile(COUNTIES, false);
            assertEquals(List.of("示例市县界", "站点"), vm.layers().stream().map(MapViewModel.Item::name).toList(),
                    "an imported layer goes below the sites");
            assertEquals("EPSG:4548", vm.viewCrsProperty().get());
            vm.zoomToAll();
            // 西城区 at 116.95°E 30.95°N
            double[] p = pixel(vm, 116.95, 30.95);
            assertTrue(vm.identify(p[0], p[1]));
            assertEquals(List.of("图层", "示例市县界"), vm.identified().get(0));
            assertTrue(vm.identified().contains(List.of("名称", "西城区")), vm.identified().toString());
            assertTrue(vm.identified().contains(List.of("人口_万", "64.5")), vm.identified().toString());
            // the site is on top of 东城区
            double[] s = pixel(vm, 117.22, 30.96);
            assertTrue(vm.identify(s[0] + 2, s[1] - 1));
            assertTrue(vm.identified().contains(List.of("code", "SS-A02")), vm.identified().toString());
            // hidden layers are not identified; outside everything nothing is
            vm.setVisible(vm.layers().get(1), false);
            vm.identify(s[0] + 2, s[1] - 1);
            assertTrue(vm.identified().contains(List.of("名称", "东城区")), vm.identified().toString());
            assertFalse(vm.identify(2, 2));
            assertTrue(vm.identified().isEmpty());
            // cursor coordinates give back the longitude and latitude of the pixel
            vm.hover(p[0], p[1]);
            String c = vm.cursorProperty().get();
            assertTrue(c.contains("116.95") && c.contains("30.95") && c.contains("EPSG:4548"), c);
            // restyle: opaque fill, drawn where the county is
            MapViewModel.Item counties = vm.layers().get(0);
            vm.setStyle(counties, counties.styleProperty().get().withFill(new Color(0x2ca02c)).withLabel(null));
            BufferedImage img = vm.render();
            assertEquals(0x2ca02c, img.getRGB((int) p[0], (int) p[1]) & 0xFFFFFF);
            vm.graduate(counties, "人口_万");
            assertNotNull(counties.styleProperty().get().graduated());
            // populations 38.2, 64.5, 71.9, 29.6: quantile breaks at ranks 1, 2, 3, 4 of 4 values in 5 classes
            assertEquals(List.of(29.6, 38.2, 64.5, 71.9), java.util.Arrays.stream(counties.styleProperty().get().graduated().breaks())
                    .boxed().toList());
            // zoom about a pixel keeps the world point under it
            double wx = vm.viewportProperty().get().worldX(p[0]);
            vm.zoom(2, p[0], p[1]);
            assertEquals(wx, vm.viewportProperty().get().worldX(p[0]), 1e-6);
            vm.move(counties, 1);
            assertEquals("示例市县界", vm.layers().get(1).name());
        }
        try (Workspace ws = Workspace.open(file, TestWorkspaces.CLOCK, "t")) {
            MapViewModel vm = new MapViewModel(ws, new ImmediateUiExecutor());
            vm.load();
            MapViewModel.Item counties = vm.layers().get(0);
            assertEquals("示例市县界", counties.name());
            assertEquals("人口_万", counties.styleProperty().get().graduated().field(), "the style was kept in the workspace");
            assertEquals(new Color(0x2ca02c), counties.styleProperty().get().fill());
        }
    }
    @Test
    void basemapTilesAreDrawnUnderTheLayers() throws Exception {
        Messages.setCurrent(Messages.CHINESE);
        try (Workspace ws = TestWorkspaces.create(dir)) {
            MapViewModel vm = new MapViewModel(ws, new ImmediateUiExecutor());
            vm.resize(800, 600);
            vm.importFile(COUNTIES, false);
            vm.zoomToAll();
            vm.addBasemap(dir.resolve("missing.mbtiles"));
            assertTrue(vm.messageProperty().get().contains("missing.mbtiles"), vm.messageProperty().get());
            Path mb = dir.resolve("base.mbtiles");
            cn.ecoaid.map.BasemapTest.writeMbtiles(mb);
            vm.addBasemap(mb);
            assertEquals(1, vm.basemaps().size());
            // hide the counties: the red tile (116.72–117.07°E, 30.75–31.05°N) shows at 116.9°E 30.9°N
            vm.setVisible(vm.layers().get(0), false);
            double[] p = pixel(vm, 116.9, 30.9);
            assertEquals(0xff0000, vm.render().getRGB((int) p[0], (int) p[1]) & 0xFFFFFF);
            vm.close();
            assertTrue(vm.basemaps().isEmpty());
        }
    }
    @Test
    void layersThatArriveBeforeTheSizeAreStillShownWhole() {
        Messages.setCurrent(Messages.CHINESE);
        try (Workspace ws = TestWorkspaces.create(dir)) {
            ws.sites().add(Site.create("A", "甲", SiteType.AIR_STATION, 117.0, 31.0));
            ws.sites().add(Site.create("B", "乙", SiteType.AIR_STATION, 117.5, 31.3));
            MapViewModel vm = new MapViewModel(ws, new ImmediateUiExecutor());
            vm.load(); // before the canvas has a size, as when the layers load fast
            vm.resize(800, 600);
            for (double[] ll : new double[][] {{117.0, 31.0}, {117.5, 31.3}}) {
                double[] p = pixel(vm, ll[0], ll[1]);
                assertTrue(p[0] > 0 && p[0] < 800 && p[1] > 0 && p[1] < 600, "site inside the map: " + p[0] + "," + p[1]);
            }
            // after the user zooms, a resize keeps the user's scale
            vm.zoom(2, 400, 300);
            double scale = vm.viewportProperty().get().pixelsPerUnit();
            vm.resize(900, 600);
            assertEquals(scale, vm.viewportProperty().get().pixelsPerUnit(), scale * 1e-12);
        }
    }
}
