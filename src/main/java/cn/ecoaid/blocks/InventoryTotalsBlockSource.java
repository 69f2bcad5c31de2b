package cn.ecoaid.blocks;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ProgressListener;
import cn.ecoaid.inventory.Activity;
import cn.ecoaid.inventory.Aggregation;
import cn.ecoaid.inventory.FactorLibrary;
import cn.ecoaid.inventory.InventoryCalculator;
import cn.ecoaid.inventory.InventoryFiles;
import cn.ecoaid.inventory.InventoryRepository;
import cn.ecoaid.inventory.SavedInventory;
import cn.ecoaid.io.TableFiles;
import cn.ecoaid.l10n.Messages;
import cn.ecoaid.solution.Block;
import cn.ecoaid.solution.BlockRef;
import cn.ecoaid.solution.BlockSource;
import cn.ecoaid.solution.Provenance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Live block "inventory-totals": emissions of an activity file computed with the shipped factor library (T/CSES 144—2024
 * Tables D.1/E.7 and the EMEP/EEA subset, controls of Table A.1), totalled by {@code by} (default "pollutant"; any
 * dimensions of {@code inventory compute --by}), in tonnes. Parameter {@code inventory} names an inventory kept in the
 * workspace (its activities and its own factors are used); or {@code activities} is a file, relative to the workspace
 * folder or absolute.
 */
public final class InventoryTotalsBlockSource implements BlockSource {
    public static final String ID = "inventory-totals";
    static final String STANDARD = "T/CSES 144—2024";
    private final InventoryRepository inventories;

    /** Without a workspace's inventories: files only. */
    public InventoryTotalsBlockSource() {
        this(null);
    }

    public InventoryTotalsBlockSource(InventoryRepository inventories) {
        this.inventories = inventories;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Block render(BlockRef ref, Context context) {
        String name = ref.params().get("inventory");
        String file = ref.params().get("activities");
        Path userFactors = null;
        String label;
        Path path;
        if (name != null && !name.isBlank() && inventories != null) {
            SavedInventory inv = inventories.findByName(name.strip())
                    .orElseThrow(() -> new EcoAidException("inventory.store.notFound", name));
            java.util.Map<SavedInventory.Role, Path> files = inventories.copyAllToTemp(inv);
            path = files.get(SavedInventory.Role.ACTIVITIES);
            userFactors = files.get(SavedInventory.Role.FACTORS);
            label = inv.name() + " / " + path.getFileName();
        } else {
            if (file == null || file.isBlank()) {
                throw new EcoAidException("solution.block.error.param", ID, "activities");
            }
            path = context.baseDir().resolve(file.strip());
            label = String.valueOf(path.getFileName());
        }
        String sha;
        try {
            sha = cn.ecoaid.domain.Hashes.sha256(path);
        } catch (IOException e) {
            throw new EcoAidException(e, "error.file.notFound", path);
        }
        List<Activity> activities = InventoryFiles.readActivities(TableFiles.read(path));
        InventoryCalculator calc = InventoryCalculator.shipped(
                userFactors == null ? List.of() : FactorLibrary.readUser(TableFiles.read(userFactors)));
        List<Aggregation.Dim> dims = Aggregation.parse(ref.params().getOrDefault("by", "pollutant"));
        Aggregation agg = new Aggregation(dims);
        long[] count = new long[1];
        calc.computeAll(activities, e -> {
            agg.accept(e);
            count[0]++;
        }, ProgressListener.NONE);
        List<String> headers = new ArrayList<>();
        for (Aggregation.Dim d : dims) {
            headers.add(Messages.get("inventory.ui.col." + d.header()));
        }
        headers.add(Messages.get("inventory.ui.col.emitted_t"));
        headers.add(Messages.get("inventory.ui.col.generated_t"));
        List<List<Object>> rows = new ArrayList<>();
        for (Aggregation.Row r : agg.rows()) {
            List<Object> row = new ArrayList<>(r.key());
            row.add(round(r.emittedKg() / 1000));
            row.add(round(r.generatedKg() / 1000));
            rows.add(row);
        }
        String run = Messages.get("solution.block.inventory.run", activities.size(), count[0]);
        return new Block(ID, Messages.get("solution.block.inventory.title"), headers, rows, ref.chart(),
                new Provenance(run, STANDARD, Messages.get("solution.block.inventory.data", label, sha.substring(0, 12))));
    }

    /** Six significant digits: enough for a report, stable for the frozen record. */
    static double round(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).doubleValue();
    }
}
