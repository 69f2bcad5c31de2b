package cn.ecoaid.domain;

/** Facts about this build of the workbench. */
public final class BuildInfo {
    private BuildInfo() {
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    public static String version() {
        String v = BuildInfo.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
