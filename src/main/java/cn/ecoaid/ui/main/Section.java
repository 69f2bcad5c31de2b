package cn.ecoaid.ui.main;

/** The places of the main window's navigation. Bundle keys: {@code nav.<NAME>}; planned ones also {@code plan.<NAME>}. */
public enum Section {
    OVERVIEW(true), SITES(true), AIR(true), WATER(true), INVENTORY(true), MAP(true), SOLUTION(true), SYNC(false);

    private final boolean built;

    Section(boolean built) {
        this.built = built;
    }

    /** False for a capability whose page so far only describes what it will do. */
    public boolean built() {
        return built;
    }
}
