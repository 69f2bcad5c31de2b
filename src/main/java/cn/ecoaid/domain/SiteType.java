package cn.ecoaid.domain;

import java.util.List;

/** Kinds of site a workspace holds. Bundle keys: {@code site.type.<NAME>}. */
public enum SiteType {
    AIR_STATION(List.of("air_station", "air", "空气站", "空气质量监测站", "监测站", "大气监测站", "国控站", "省控站")),
    WATER_SECTION(List.of("water_section", "section", "断面", "水质断面", "监测断面")),
    WATER_POINT(List.of("water_point", "sampling_point", "point", "采样点", "点位", "水质采样点")),
    POLLUTION_SOURCE(List.of("pollution_source", "source", "污染源", "排放源", "企业"));

    private final List<String> aliases;

    SiteType(List<String> aliases) {
        this.aliases = aliases;
    }

    /** Accepts the enum name, English or Chinese aliases (case-insensitive). */
    public static java.util.Optional<SiteType> parse(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        String t = text.strip();
        for (SiteType type : values()) {
            if (type.name().equalsIgnoreCase(t) || type.aliases.stream().anyMatch(a -> a.equalsIgnoreCase(t))) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }

    /** The accepted spellings, for templates and error messages. */
    public List<String> aliases() {
        return aliases;
    }
}
