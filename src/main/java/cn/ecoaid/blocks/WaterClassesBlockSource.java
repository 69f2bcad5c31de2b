package cn.ecoaid.blocks;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.solution.Block;
import cn.ecoaid.solution.BlockRef;
import cn.ecoaid.solution.BlockSource;
import cn.ecoaid.solution.Provenance;
import cn.ecoaid.water.BelowDetectionRule;
import cn.ecoaid.water.Gb3838;
import cn.ecoaid.water.SectionEvaluator;
import cn.ecoaid.water.SectionResult;
import cn.ecoaid.water.WaterSample;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Live block "water-classes": the GB 3838-2002 single-factor class of every water-quality sample of the newest survey
 * kept in the workspace, with its target, attainment and main pollutants. Parameter {@code period} keeps one
 * hydrological period (e.g. 丰水期).
 */
public final class WaterClassesBlockSource implements BlockSource {
    public static final String ID = "water-classes";
    private final Supplier<List<WaterSample>> samples;

    public WaterClassesBlockSource(Supplier<List<WaterSample>> samples) {
        this.samples = samples;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Block render(BlockRef ref, Context context) {
        String period = ref.params().getOrDefault("period", "").strip();
        List<WaterSample> all = samples.get();
        if (all.isEmpty()) {
            throw new EcoAidException("solution.block.water.noData");
        }
        SectionEvaluator eval = new SectionEvaluator(Gb3838.shipped());
        List<List<Object>> rows = new ArrayList<>();
        for (WaterSample s : all) {
            if (!period.isEmpty() && !period.equals(s.period())) {
                continue;
            }
            SectionResult c = eval.evaluate(s.numbers(BelowDetectionRule.HALF_LIMIT), s.type(), s.target());
            rows.add(List.of(s.site(), s.date().toString(), s.period() == null ? "" : s.period(), c.waterClass().label(),
                    s.target() == null ? "" : s.target().label(),
                    c.attained() == null ? "" : Messages.get(c.attained() ? "water.ui.yes" : "water.ui.no"),
                    c.mainPollutantText()));
        }
        return new Block(ID, period.isEmpty() ? Messages.get("solution.block.water.title")
                : Messages.get("solution.block.water.titleOfPeriod", period),
                List.of(Messages.get("solution.block.water.site"), Messages.get("solution.block.water.date"),
                        Messages.get("solution.block.water.period"), Messages.get("solution.block.water.class"),
                        Messages.get("solution.block.water.target"), Messages.get("solution.block.water.attained"),
                        Messages.get("solution.block.water.main")),
                rows, false, new Provenance(Messages.get("solution.block.water.run"), "GB 3838-2002; 环办〔2011〕22号",
                        Messages.get("solution.block.water.data", rows.size())));
    }
}
