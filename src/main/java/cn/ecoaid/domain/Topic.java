package cn.ecoaid.domain;

/** Topics of the assistance programme; air, water ecology and inventories first. Bundle keys: {@code topic.<NAME>}. */
public enum Topic {
    AIR, WATER, INVENTORY, CARBON, SOIL, MARINE, SOLID_WASTE, RURAL
}
