package cn.ecoaid.water;

/**
 * One entry of a taxa table: Chinese and Latin names, rank, family, order, tolerance value (0–10, NaN when not
 * known), functional feeding group (CG, CF, SC, SH, PR or blank) and BMWP family score (NaN when none).
 */
public record Taxon(String nameZh, String latin, String rank, String family, String order, double tolerance, String ffg,
        double bmwp) {
}
