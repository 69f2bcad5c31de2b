package cn.ecoaid.ui.main;

/** The places of the main window's navigation. Bundle keys: {@code nav.<NAME>}. */
public enum Section {
    OVERVIEW, SITES, AIR, WATER, INVENTORY, MAP, SOLUTION, SYNC
}
