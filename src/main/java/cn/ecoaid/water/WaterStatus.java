package cn.ecoaid.water;

/**
 * Qualitative water-quality status of the 2011 evaluation rules (地表水环境质量评价办法（试行）): 优, 良好, 轻度污染,
 * 中度污染, 重度污染. Translated through the bundle keys {@code water.status.<NAME>}.
 */
public enum WaterStatus {
    EXCELLENT, GOOD, LIGHT, MODERATE, HEAVY;

    public String key() {
        return "water.status." + name();
    }
}
