package cn.ecoaid.pmf;

import java.util.List;

/**
 * A PMF input: {@code n} samples (rows) × {@code m} species (columns), concentrations {@code x} and uncertainties
 * {@code u}, both row-major ({@code x[i * m + j]}).
 */
public record PmfData(List<String> samples, List<String> species, double[] x, double[] u) {
    public PmfData {
        samples = List.copyOf(samples);
        species = List.copyOf(species);
        if (x.length != samples.size() * species.size() || u.length != x.length) {
            throw new IllegalArgumentException("matrix sizes do not match the labels");
        }
    }

    public int rows() {
        return samples.size();
    }

    public int cols() {
        return species.size();
    }

    public double x(int i, int j) {
        return x[i * species.size() + j];
    }

    public double u(int i, int j) {
        return u[i * species.size() + j];
    }

    /** Index of a species by name (case-insensitive), or -1. */
    public int speciesIndex(String name) {
        for (int j = 0; j < species.size(); j++) {
            if (species.get(j).equalsIgnoreCase(name.strip())) {
                return j;
            }
        }
        return -1;
    }
}
