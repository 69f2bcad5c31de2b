package cn.ecoaid.ui.main;

/** The places of the main window's navigation. Bundle keys: {@code nav.<NAME>}. */
public enum Section {
    OVERVIEW, SITES, AIR, PMF, WATER, INVENTORY, MAP, SOLUTION, SYNC
    , LIBRARIES
}
