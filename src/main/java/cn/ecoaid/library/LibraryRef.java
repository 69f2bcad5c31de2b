package cn.ecoaid.library;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.inventory.EmissionFactor;
import cn.ecoaid.inventory.FactorLibrary;
import cn.ecoaid.water.TaxaTable;
import java.util.List;

/**
 * How an analysis names a platform library on the command line ({@code platform} for the newest version held,
 * {@code platform:3} for version 3), and the domain objects a held version turns into.
 */
public final class LibraryRef {
    private LibraryRef() {
    }

    /** The version named by {@code platform[:VERSION]}; 0 means the newest held. */
    public static long parse(String spec) {
        String s = spec == null ? "" : spec.strip();
        if (s.equals("platform")) {
            return 0;
        }
        if (s.startsWith("platform:")) {
            try {
                long v = Long.parseLong(s.substring("platform:".length()).strip());
                if (v > 0) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new EcoAidException("library.error.ref", spec);
    }

    /** The factors of an emission-factor library version, read exactly as a user factor file with the same rows. */
    public static List<EmissionFactor> factors(LibraryContent content) {
        return FactorLibrary.readUser(content.table());
    }

    /** The taxa table of a taxa-list version; its source names the version. */
    public static TaxaTable taxa(LibraryContent content, LibraryVersion v) {
        return TaxaTable.read(content.table(), "platform " + v.kind().id() + " " + v.shortRef());
    }
}
