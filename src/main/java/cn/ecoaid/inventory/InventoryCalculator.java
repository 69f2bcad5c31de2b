package cn.ecoaid.inventory;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.ProgressListener;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Emissions of activity records (T/CSES 144—2024 §6–7): E = A × EF × (1 − η) with η = removal efficiency × operating
 * rate (or penetration); coal mass balance where the factor says so; a share of PM2.5 for BC/OC factors given as a
 * fraction; monitored totals (online monitoring, E = Σ C·Q·T) replace the factor method for their pollutants.
 *
 * <p>PM10 (and TSP) is split into its PM2.5 part, controlled with the PM2.5 efficiency, and the coarse rest, controlled
 * with the PM2.5–10 efficiency of Table A.1, whenever a PM2.5 generation of the same record is known; otherwise the
 * lower of the two efficiencies is applied to the whole (never overstating the removal).
 */
public final class InventoryCalculator {
    private final FactorLibrary library;
    private final ControlTable controls;
    private final CoalMassBalance massBalance;
    private final Map<String, List<ControlTable.Measure>> measureCache = new ConcurrentHashMap<>();
    private static final Units.Unit KG = Units.unit("kg", "");

    /**
     * The calculator with the shipped factor library (T/CSES 144—2024 Tables D.1/E.7 and the EMEP/EEA subset), the
     * user's factors after them, the controls of Table A.1 and the coal mass balance of Appendix C.
     */
    public static InventoryCalculator shipped(List<EmissionFactor> userFactors) {
        List<EmissionFactor> all = new java.util.ArrayList<>(FactorLibrary.tcses144());
        all.addAll(FactorLibrary.emepShippedSubset());
        all.addAll(userFactors);
        return new InventoryCalculator(new FactorLibrary(all), ControlTable.tcses144(), CoalMassBalance.tcses144());
    }

    public InventoryCalculator(FactorLibrary library, ControlTable controls, CoalMassBalance massBalance) {
        this.library = library;
        this.controls = controls;
        this.massBalance = massBalance;
    }

    public FactorLibrary library() {
        return library;
    }

    public ControlTable controls() {
        return controls;
    }

    /** All emissions of one activity, in pollutant order. */
    public List<Emission> compute(Activity a) {
        List<Emission> out = new ArrayList<>(10);
        compute(a, library.forActivity(a), out::add);
        return out;
    }

    /** Emissions of every activity, passed to {@code sink} (nothing is kept, so millions of records fit). */
    public void computeAll(List<Activity> activities, Consumer<Emission> sink, ProgressListener progress) {
        int n = activities.size();
        for (int i = 0; i < n; i++) {
            if ((i & 0xFFFF) == 0) {
                progress.checkCancelled();
                progress.progress(i, n);
            }
            Activity a = activities.get(i);
            compute(a, library.forActivity(a), sink);
        }
        progress.progress(n, n);
    }

    /** Emissions of one activity with the given factors (a scenario may replace some). */
    public void compute(Activity a, Map<Pollutant, EmissionFactor> factors, Consumer<Emission> sink) {
        double rate = a.operatingRate();
        if (!(rate >= 0 && rate <= 1)) {
            throw new EcoAidException("inventory.error.rateRange", a.id(), rate);
        }
        if (!(a.amount() >= 0)) {
            throw new EcoAidException("inventory.error.negativeActivity", a.id(), a.amount());
        }
        Map<Pollutant, Double> gen = new EnumMap<>(Pollutant.class);
        Map<Pollutant, FactorRef> refs = new EnumMap<>(Pollutant.class);
        Map<Pollutant, Emission.Method> methods = new EnumMap<>(Pollutant.class);
        for (Map.Entry<Pollutant, EmissionFactor> e : factors.entrySet()) {
            EmissionFactor f = e.getValue();
            Pollutant p = e.getKey();
            if (f.massBalance()) {
                double coalKg = a.unit().convert(a.amount(), KG, a.id());
                double k = massBalance.kgPerKg(a, p);
                gen.put(p, k * coalKg);
                refs.put(p, massBalance.ref(a, p, k));
                methods.put(p, Emission.Method.MASS_BALANCE);
            } else if (!f.unit().isFractionOf()) {
                gen.put(p, f.unit().kgPerActivityUnit(f.value(), a.unit(), a.id()) * a.amount());
                refs.put(p, f.ref());
                methods.put(p, Emission.Method.FACTOR);
            }
        }
        for (Map.Entry<Pollutant, EmissionFactor> e : factors.entrySet()) {
            EmissionFactor f = e.getValue();
            if (!f.massBalance() && f.unit().isFractionOf()) {
                Double base = gen.get(f.unit().base());
                if (base == null) {
                    throw new EcoAidException("inventory.error.fractionBase", a.id(), e.getKey().label(), f.unit().base().label());
                }
                gen.put(e.getKey(), base * f.value() * f.unit().fraction());
                refs.put(e.getKey(), f.ref());
                methods.put(e.getKey(), Emission.Method.FRACTION_OF);
            }
        }
        for (Map.Entry<Pollutant, Double> m : a.monitoredKg().entrySet()) {
            gen.put(m.getKey(), m.getValue());
            refs.put(m.getKey(), new FactorRef("monitoring", Double.NaN, "kg", "T/CSES 144—2024", "§7.3 eq.7–8", "MEASURED"));
            methods.put(m.getKey(), Emission.Method.MONITORING);
        }
        if (gen.isEmpty()) {
            return;
        }
        List<ControlTable.Measure> measures = measureCache.computeIfAbsent(a.control(), c -> controls.resolve(c, a.id()));
        for (Map.Entry<Pollutant, Double> e : gen.entrySet()) {
            Pollutant p = e.getKey();
            double g = e.getValue();
            Emission.Method method = methods.get(p);
            double emitted;
            double eta;
            if (method == Emission.Method.MONITORING) {
                emitted = g;
                eta = 0;
            } else {
                eta = eta(a, p, measures, rate, gen, methods);
                emitted = g * (1.0 - eta);
            }
            sink.accept(new Emission(a, p, method, g, eta, emitted, refs.get(p), a.control()));
        }
    }

    /** Effective removal of one pollutant (fraction), including the operating rate and the PM10 split. */
    private static double eta(Activity a, Pollutant p, List<ControlTable.Measure> measures, double rate,
            Map<Pollutant, Double> gen, Map<Pollutant, Emission.Method> methods) {
        if (measures.isEmpty()) {
            return 0;
        }
        var slot = ControlTable.slot(p);
        if (slot.isEmpty()) {
            return 0;
        }
        if (p != Pollutant.PM10 && p != Pollutant.TSP) {
            return ControlTable.combine(measures, slot.get()) * rate;
        }
        double fine = ControlTable.combine(measures, ControlTable.Slot.PM25) * rate;
        double coarse = ControlTable.combine(measures, ControlTable.Slot.COARSE) * rate;
        Double g25 = gen.get(Pollutant.PM25);
        double total = gen.get(p);
        if (g25 == null || methods.get(Pollutant.PM25) == Emission.Method.MONITORING || total <= 0) {
            return Math.min(fine, coarse);
        }
        if (g25 > total * (1 + 1e-12)) {
            throw new EcoAidException("inventory.error.pm25AbovePm10", a.id(), p.label());
        }
        double emitted = g25 * (1 - fine) + (total - g25) * (1 - coarse);
        return 1.0 - emitted / total;
    }
}
