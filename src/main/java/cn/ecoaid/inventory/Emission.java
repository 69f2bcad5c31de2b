package cn.ecoaid.inventory;

/**
 * One computed emission: activity × factor × (1 − η), with what it used.
 *
 * @param generatedKg uncontrolled (generated) mass, kg
 * @param eta         effective removal (removal efficiency × operating rate), fraction
 * @param emittedKg   emitted mass, kg
 * @param factor      the factor (or table parameters) used, with document and clause
 * @param controls    the control measures applied (level-4 string) and their source, empty when none
 */
public record Emission(Activity activity, Pollutant pollutant, Method method, double generatedKg, double eta,
        double emittedKg, FactorRef factor, String controls) {

    /** How the emission was obtained (T/CSES 144—2024 §6–7). */
    public enum Method { FACTOR, MASS_BALANCE, FRACTION_OF, MONITORING }
}
