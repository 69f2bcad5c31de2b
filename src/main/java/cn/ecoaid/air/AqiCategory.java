package cn.ecoaid.air;

/**
 * An AQI class (空气质量指数级别) with its category (类别) and colour (表示颜色), from the standard's category table.
 * {@code high} is {@link Integer#MAX_VALUE} for the open top class (&gt; 300).
 */
public record AqiCategory(int level, int low, int high, String gradeZh, String nameZh, String nameEn, String colourZh,
        int rgb) {
    public boolean contains(int aqi) {
        return aqi >= low && aqi <= high;
    }

    /** True for 优 and 良 (AQI ≤ 100), the days counted by the good-day ratio (优良天数比例). */
    public boolean good() {
        return high <= 100;
    }

    public String colourHex() {
        return String.format("#%06X", rgb & 0xFFFFFF);
    }
}
