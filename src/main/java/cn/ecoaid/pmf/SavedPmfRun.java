package cn.ecoaid.pmf;

import java.util.List;
import java.util.Map;

/**
 * A PMF run kept in a workspace: what ran (the settings, how the input was prepared, the software version), what came
 * out (every model's seed and Q values, the chosen model) and the factor names the user confirmed. The solved matrices,
 * the chosen model's W and H and copies of the input files are stored files named by {@link Role}.
 */
public record SavedPmfRun(String id, String name, String createdAt, String software, PmfRunner.Settings settings,
        Preparation preparation, List<SpeciesInfo> species, int samples, List<ModelSummary> models, int best,
        List<String> factorNames, Map<Role, StoredFile> files) {

    public SavedPmfRun {
        species = List.copyOf(species);
        models = List.copyOf(models);
        factorNames = List.copyOf(factorNames);
        files = Map.copyOf(files);
    }

    /**
     * The files of a run: {@code CONC}/{@code UNC} the matrices handed to the solver's preparation (PMF 5.0 layout,
     * every value as Java's shortest exact decimal), {@code BEST_W}/{@code BEST_H} the chosen model's raw W (n × p) and
     * H (p × m of the modelled species), {@code INIT_W}/{@code INIT_H} the given initial matrices of a run started from
     * them, {@code SOURCE_*} copies of the files the user gave (concentrations, uncertainties or species table).
     */
    public enum Role { CONC, UNC, BEST_W, BEST_H, INIT_W, INIT_H, SOURCE_CONC, SOURCE_UNC, SOURCE_SPECIES }

    /** A stored file: its attachment, its name and the SHA-256 of its content. */
    public record StoredFile(String attachmentId, String fileName, String sha256) {
    }

    /** One model of the batch (model numbered from 1). */
    public record ModelSummary(int model, long seed, double qTrue, double qRobust, int iterations, boolean converged,
            double seconds) {
    }

    /** A species of the data with the category it was modelled in and its signal-to-noise ratio. */
    public record SpeciesInfo(String species, SpeciesCategory category, double signalToNoise) {
    }

    /**
     * How the input was prepared before the categories were fixed: species forced weak or bad, the total variable
     * (null when none), whether S/N suggested the categories, the extra modelling uncertainty in percent and whether the
     * inputs were rounded to float32.
     */
    public record Preparation(List<String> weak, List<String> bad, String total, boolean suggested,
            double extraUncertainty, boolean float32) {
        public Preparation {
            weak = List.copyOf(weak);
            bad = List.copyOf(bad);
        }

        public static Preparation none() {
            return new Preparation(List.of(), List.of(), null, false, 0, false);
        }
    }

    public ModelSummary bestModel() {
        return models.get(best);
    }

    /** The modelled species (not bad), in the solver's column order. */
    public List<String> modelledSpecies() {
        return species.stream().filter(s -> s.category() != SpeciesCategory.BAD).map(SpeciesInfo::species).toList();
    }

    /** The confirmed name of factor k (0-based), or "Factor k+1" when none was given. */
    public String factorName(int k) {
        String n = k < factorNames.size() ? factorNames.get(k) : null;
        return n == null || n.isBlank() ? "Factor" + (k + 1) : n;
    }
}
