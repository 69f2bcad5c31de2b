package cn.ecoaid.sites;

import cn.ecoaid.domain.Crs;
import cn.ecoaid.domain.SiteType;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.report.XlsxTables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The Excel import template for sites: the columns with notes, two example rows, and a sheet of accepted values. */
public final class SiteTemplate {
    private SiteTemplate() {
    }

    public static void write(Path file) {
        List<String> headers = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (SiteColumns c : SiteColumns.values()) {
            headers.add(c.chineseHeader());
            notes.add(Messages.get("template.sites.note." + c.header()));
        }
        List<List<String>> examples = List.of(
                List.of("1001A", Messages.get("template.sites.example.air"), SiteType.AIR_STATION.aliases().get(2),
                        "116.3974", "39.9087", Crs.CGCS2000.name(), "110101"),
                List.of("W-01", Messages.get("template.sites.example.water"), SiteType.WATER_SECTION.aliases().get(2),
                        "116.4500", "39.8800", Crs.CGCS2000.name(), "110105"));
        List<List<String>> accepted = new ArrayList<>();
        for (SiteType t : SiteType.values()) {
            accepted.add(List.of(Messages.get("site.type." + t.name()), t.name(), String.join(" / ", t.aliases())));
        }
        for (Crs c : Crs.values()) {
            accepted.add(List.of(Messages.get("crs." + c.name()), c.name(), c.epsg()));
        }
        XlsxTables.writeSheets(file, List.of(
                new XlsxTables.SheetData(Messages.get("template.sites.sheet"), headers, examples, notes),
                new XlsxTables.SheetData(Messages.get("template.sites.valuesSheet"),
                        List.of(Messages.get("template.sites.valuesMeaning"), Messages.get("template.sites.valuesCode"),
                                Messages.get("template.sites.valuesAccepted")), accepted, List.of())));
    }
}
