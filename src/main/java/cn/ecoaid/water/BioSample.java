package cn.ecoaid.water;

import java.util.List;

/**
 * A biological sample: id, site, date (as written), group (benthic macroinvertebrates, phytoplankton …), the site's
 * role for a B-IBI ("reference", "impaired" or blank) and its taxa with counts (or densities).
 */
public record BioSample(String id, String site, String date, String group, String role, List<Count> taxa) {
    public BioSample {
        taxa = List.copyOf(taxa);
    }

    /**
     * One taxon of a sample with its count; tolerance, order and family given in the file override the taxa table
     * (NaN / blank when not given).
     */
    public record Count(String taxon, double count, double tolerance, String order, String family) {
    }
}
