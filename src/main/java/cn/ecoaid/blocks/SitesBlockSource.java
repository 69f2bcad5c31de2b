package cn.ecoaid.blocks;

import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteRepository;
import cn.ecoaid.domain.SiteType;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.solution.Block;
import cn.ecoaid.solution.BlockRef;
import cn.ecoaid.solution.BlockSource;
import cn.ecoaid.solution.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Live block "sites": the workspace's monitoring stations, sections and sources (code, name, type, longitude, latitude,
 * admin code). Parameter {@code type} (AIR_STATION, WATER_SECTION, WATER_POINT, POLLUTION_SOURCE) keeps one type.
 */
public final class SitesBlockSource implements BlockSource {
    public static final String ID = "sites";
    private final SiteRepository sites;

    public SitesBlockSource(SiteRepository sites) {
        this.sites = sites;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Block render(BlockRef ref, Context context) {
        String type = ref.params().getOrDefault("type", "").strip().toUpperCase(Locale.ROOT);
        List<List<Object>> rows = new ArrayList<>();
        for (Site s : sites.list()) {
            if (!type.isEmpty() && !s.type().name().equals(type)) {
                continue;
            }
            List<Object> row = new ArrayList<>();
            row.add(s.code());
            row.add(s.name());
            row.add(Messages.get("site.type." + s.type().name()));
            row.add(s.longitude());
            row.add(s.latitude());
            row.add(s.adminCode());
            rows.add(row);
        }
        String title = type.isEmpty() ? Messages.get("solution.block.sites.title")
                : Messages.get("solution.block.sites.titleOfType", Messages.get("site.type." + SiteType.valueOf(type).name()));
        return new Block(ID, title, List.of(Messages.get("solution.block.sites.code"), Messages.get("solution.block.sites.name"),
                Messages.get("solution.block.sites.type"), Messages.get("solution.block.sites.lon"),
                Messages.get("solution.block.sites.lat"), Messages.get("solution.block.sites.admin")), rows, false,
                new Provenance(Messages.get("solution.block.sites.run"),
                        "", Messages.get("solution.block.sites.data", rows.size())));
    }
}
