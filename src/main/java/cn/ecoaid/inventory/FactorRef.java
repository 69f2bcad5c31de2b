package cn.ecoaid.inventory;

/** What a result used: factor id, value and unit, source document and clause, status. */
public record FactorRef(String id, double value, String unit, String document, String clause, String status) {
}
