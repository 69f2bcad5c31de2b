package cn.ecoaid.pmf;

/** PMF 5.0 species categories: strong as given, weak with the uncertainty tripled, bad left out of the model. */
public enum SpeciesCategory {
    STRONG, WEAK, BAD;

    /** PMF 5.0's suggestion from the signal-to-noise ratio: below 0.5 bad, below 1 weak, else strong. */
    public static SpeciesCategory suggest(double signalToNoise) {
        if (signalToNoise < 0.5) {
            return BAD;
        }
        return signalToNoise < 1.0 ? WEAK : STRONG;
    }
}
