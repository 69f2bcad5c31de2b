package cn.ecoaid.blocks;

import cn.ecoaid.air.AnnualStatistics;
import cn.ecoaid.air.AqiStandard;
import cn.ecoaid.air.Attainment;
import cn.ecoaid.air.Hj663;
import cn.ecoaid.air.HourlySeries;
import cn.ecoaid.air.Pollutant;
import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.solution.Block;
import cn.ecoaid.solution.BlockRef;
import cn.ecoaid.solution.BlockSource;
import cn.ecoaid.solution.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Live block "air-attainment": per station, the annual HJ 663 statistics of the hourly data kept in the workspace and
 * their attainment against GB 3095 (the version in force for the year unless {@code limits}), with the good-day ratio
 * and the composite index. Parameters: {@code year} (required), {@code limits} (auto, GB3095-2012, GB3095-2026,
 * GB3095-2026-final), {@code class} (1 or 2, default 2).
 */
public final class AirAttainmentBlockSource implements BlockSource {
    public static final String ID = "air-attainment";
    private final Supplier<List<HourlySeries>> stations;

    /** {@code stations} gives the hourly series kept in the workspace (read when the block is rendered). */
    public AirAttainmentBlockSource(Supplier<List<HourlySeries>> stations) {
        this.stations = stations;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Block render(BlockRef ref, Context context) {
        int year;
        try {
            year = Integer.parseInt(ref.params().getOrDefault("year", "").strip());
        } catch (NumberFormatException e) {
            throw new EcoAidException("solution.block.error.param", ID, "year");
        }
        String limits = ref.params().getOrDefault("limits", "auto");
        int areaClass = Integer.parseInt(ref.params().getOrDefault("class", "2").strip());
        List<HourlySeries> hourly = stations.get();
        if (hourly.isEmpty()) {
            throw new EcoAidException("solution.block.air.noData");
        }
        List<List<Object>> rows = new ArrayList<>();
        String limitsUsed = "";
        for (HourlySeries h : hourly) {
            AnnualStatistics.Result r = AnnualStatistics.compute(Hj663.daily(h), year, AqiStandard.chooser("auto"), limits, areaClass);
            for (Attainment.Row a : Attainment.assess(r)) {
                limitsUsed = a.limits();
                rows.add(List.of(h.station(), a.pollutant().label() + " " + a.kind().label(), round(a.value(), a.pollutant()),
                        a.limit(), a.attained() == null ? Messages.get("air.ui.notValid")
                                : Messages.get(a.attained() ? "air.ui.attained" : "air.ui.exceeded"), a.validDays()));
            }
            rows.add(List.of(h.station(), Messages.get("air.ui.goodDays"), Math.round(r.goodDayRatio() * 10) / 10.0, "", "",
                    r.aqiDays()));
        }
        return new Block(ID, Messages.get("solution.block.air.title", Integer.toString(year)),
                List.of(Messages.get("air.ui.col.station"), Messages.get("air.ui.col.statistic"), Messages.get("air.ui.col.value"),
                        Messages.get("air.ui.col.limit"), Messages.get("air.ui.col.attainment"), Messages.get("air.ui.col.validDays")),
                rows, false, new Provenance(Messages.get("solution.block.air.run", Integer.toString(year)), "HJ 663-2013; " + limitsUsed,
                        Messages.get("solution.block.air.data", hourly.size())));
    }

    private static double round(double v, Pollutant p) {
        double f = p == Pollutant.CO ? 10 : 1;
        return Math.round(v * f) / f;
    }
}
