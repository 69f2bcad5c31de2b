package cn.ecoaid.inventory.ghg;

import cn.ecoaid.inventory.Units;

/**
 * One Tier 1 line of a GHG inventory: emission of one gas = activity × factor (IPCC 2006 Vol. 1 eq. 1.1).
 *
 * @param category IPCC category code or provincial-guideline category (e.g. "1.A.1", "能源活动/化石燃料燃烧")
 * @param uActivityPct  half-width of the 95 % interval of the activity, % of the value (approach 1)
 * @param uFactorPct    same for the factor
 */
public record GhgRecord(String id, String category, String gas, double activity, Units.Unit activityUnit,
        double factor, Units.FactorUnit factorUnit, double uActivityPct, double uFactorPct) {

    /** Emission of the gas in tonnes. */
    public double tonnes() {
        return factorUnit.kgPerActivityUnit(factor, activityUnit, id) * activity / 1000.0;
    }
}
