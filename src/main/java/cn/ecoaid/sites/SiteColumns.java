package cn.ecoaid.sites;

import java.util.List;

/** The columns of a site file, each with the headers accepted for it (Chinese or English). */
public enum SiteColumns {
    CODE("code", List.of("code", "site_code", "station_code", "编码", "代码", "站点编码", "点位编码", "断面编码", "监测点编码")),
    NAME("name", List.of("name", "site_name", "名称", "站点名称", "点位名称", "断面名称", "监测点名称")),
    TYPE("type", List.of("type", "site_type", "类型", "站点类型", "点位类型")),
    LONGITUDE("longitude", List.of("longitude", "lon", "lng", "经度")),
    LATITUDE("latitude", List.of("latitude", "lat", "纬度")),
    CRS("crs", List.of("crs", "coordinate_system", "坐标系", "坐标系统")),
    ADMIN_CODE("admin_code", List.of("admin_code", "adcode", "行政区划代码", "区划代码", "行政区代码"));

    private final String header;
    private final List<String> aliases;

    SiteColumns(String header, List<String> aliases) {
        this.header = header;
        this.aliases = aliases;
    }

    /** The English header written on export. */
    public String header() {
        return header;
    }

    public List<String> aliases() {
        return aliases;
    }

    /** The Chinese header written in templates (the first Chinese alias). */
    public String chineseHeader() {
        return aliases.stream().filter(a -> a.codePoints().anyMatch(cp -> cp > 0x2E80)).findFirst().orElse(header);
    }
}
