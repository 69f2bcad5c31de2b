package cn.ecoaid.domain;

import java.util.UUID;

/** Record identifiers: random UUIDs made on the device (SYNC.md §1). */
public final class Ids {
    private Ids() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
