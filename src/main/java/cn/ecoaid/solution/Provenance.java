package cn.ecoaid.solution;

/**
 * Where a live block's numbers come from: the run (method and when it ran), the standard or method document applied
 * (empty when none) and the data (file or table, with its content hash or record count).
 */
public record Provenance(String run, String standard, String data) {
    public Provenance {
        run = run == null ? "" : run;
        standard = standard == null ? "" : standard;
        data = data == null ? "" : data;
    }
}
