package cn.ecoaid.domain;

import java.util.ArrayList;
import java.util.List;

/** Validation of a site, shared by the editor, the importer and the store. */
public final class SiteRules {
    public static final String CODE = "code";
    public static final String NAME = "name";
    public static final String TYPE = "type";
    public static final String LONGITUDE = "longitude";
    public static final String LATITUDE = "latitude";
    public static final String ADMIN_CODE = "adminCode";

    /** China's bounding box (decimal degrees), generous by a few tenths of a degree. */
    public static final double CHINA_MIN_LON = 73.4;
    public static final double CHINA_MAX_LON = 135.1;
    public static final double CHINA_MIN_LAT = 3.8;
    public static final double CHINA_MAX_LAT = 53.6;
    public static final int MAX_CODE_LENGTH = 64;

    private SiteRules() {
    }

    /** Every rule the site breaks (empty when valid). Uniqueness of the code is checked by the store. */
    public static List<FieldProblem> validate(Site site) {
        List<FieldProblem> out = new ArrayList<>();
        if (site.code().isEmpty()) {
            out.add(FieldProblem.of(CODE, "site.invalid.codeMissing"));
        } else if (site.code().length() > MAX_CODE_LENGTH) {
            out.add(FieldProblem.of(CODE, "site.invalid.codeTooLong", MAX_CODE_LENGTH));
        }
        if (site.name().isEmpty()) {
            out.add(FieldProblem.of(NAME, "site.invalid.nameMissing"));
        }
        if (site.type() == null) {
            out.add(FieldProblem.of(TYPE, "site.invalid.typeMissing"));
        }
        Double lon = site.longitude();
        Double lat = site.latitude();
        if ((lon == null) != (lat == null)) {
            out.add(FieldProblem.of(lon == null ? LONGITUDE : LATITUDE, "site.invalid.coordinateHalf"));
        }
        if (lon != null) {
            checkCoordinate(out, LONGITUDE, lon, -180, 180, CHINA_MIN_LON, CHINA_MAX_LON);
        }
        if (lat != null) {
            checkCoordinate(out, LATITUDE, lat, -90, 90, CHINA_MIN_LAT, CHINA_MAX_LAT);
        }
        if (!site.adminCode().isEmpty() && !site.adminCode().matches("\\d{6}(\\d{3}|\\d{6})?")) {
            out.add(FieldProblem.of(ADMIN_CODE, "site.invalid.adminCode", site.adminCode()));
        }
        return out;
    }

    private static void checkCoordinate(List<FieldProblem> out, String field, double v, double min, double max,
                                        double chinaMin, double chinaMax) {
        if (!Double.isFinite(v) || v < min || v > max) {
            out.add(FieldProblem.of(field, "site.invalid.coordinateRange", v, min, max));
        } else if (v < chinaMin || v > chinaMax) {
            out.add(FieldProblem.of(field, "site.invalid.outsideChina", v, chinaMin, chinaMax));
        }
    }
}
