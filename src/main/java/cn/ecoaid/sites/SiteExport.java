package cn.ecoaid.sites;

import cn.ecoaid.domain.Site;
import cn.ecoaid.io.TableFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Writes sites as CSV or .xlsx in the import format (English headers), attributes as extra columns. */
public final class SiteExport {
    private SiteExport() {
    }

    public static int write(List<Site> sites, Path file) {
        TreeSet<String> attributeKeys = new TreeSet<>();
        sites.forEach(s -> attributeKeys.addAll(s.attributes().keySet()));
        List<String> headers = new ArrayList<>();
        for (SiteColumns c : SiteColumns.values()) {
            headers.add(c.header());
        }
        headers.addAll(attributeKeys);
        List<List<String>> rows = new ArrayList<>();
        for (Site s : sites) {
            List<String> row = new ArrayList<>(List.of(s.code(), s.name(), s.type().name(),
                    s.longitude() == null ? "" : s.longitude().toString(),
                    s.latitude() == null ? "" : s.latitude().toString(),
                    s.crs().name(), s.adminCode()));
            for (String k : attributeKeys) {
                row.add(s.attributes().getOrDefault(k, ""));
            }
            rows.add(row);
        }
        TableFiles.write(file, headers, rows);
        return sites.size();
    }
}
