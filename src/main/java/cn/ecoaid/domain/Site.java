package cn.ecoaid.domain;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A place the team studies: air station, water section or sampling point, or pollution source. {@code id} is a UUID
 * made on the device; {@code code} is the team's identifier (unique among live sites). Coordinates are decimal degrees
 * in {@code crs}; both may be absent while unknown. {@code attributes} holds free key–value data (water body, target
 * class, control level, enterprise name …).
 */
public record Site(String id, String code, String name, SiteType type, Double longitude, Double latitude, Crs crs,
                   String adminCode, Map<String, String> attributes) {
    public Site {
        Objects.requireNonNull(id, "id");
        code = code == null ? "" : code.strip();
        name = name == null ? "" : name.strip();
        crs = crs == null ? Crs.CGCS2000 : crs;
        adminCode = adminCode == null ? "" : adminCode.strip();
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    public static Site create(String code, String name, SiteType type, Double longitude, Double latitude) {
        return new Site(Ids.newId(), code, name, type, longitude, latitude, Crs.CGCS2000, "", Map.of());
    }

    public Site withCode(String v) {
        return new Site(id, v, name, type, longitude, latitude, crs, adminCode, attributes);
    }

    public Site withName(String v) {
        return new Site(id, code, v, type, longitude, latitude, crs, adminCode, attributes);
    }

    public Site withType(SiteType v) {
        return new Site(id, code, name, v, longitude, latitude, crs, adminCode, attributes);
    }

    public Site withCoordinates(Double lon, Double lat) {
        return new Site(id, code, name, type, lon, lat, crs, adminCode, attributes);
    }

    public Site withCrs(Crs v) {
        return new Site(id, code, name, type, longitude, latitude, v, adminCode, attributes);
    }

    public Site withAdminCode(String v) {
        return new Site(id, code, name, type, longitude, latitude, crs, v, attributes);
    }

    public Site withAttributes(Map<String, String> v) {
        return new Site(id, code, name, type, longitude, latitude, crs, adminCode, v);
    }
}
