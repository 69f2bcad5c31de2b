package cn.ecoaid.ui.main;

/** The places of the main window's navigation. Bundle keys: {@code nav.<NAME>}; planned ones also {@code plan.<NAME>}. */
public enum Section {
    OVERVIEW(true), SITES(true), AIR(false), WATER(false), INVENTORY(true), MAP(false), SOLUTION(false), SYNC(true);

    private final boolean built;

    Section(boolean built) {
        this.built = built;
    }

    /** False for a capability whose page so far only describes what it will do. */
    public boolean built() {
        return built;
    }
}
