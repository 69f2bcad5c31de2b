package cn.ecoaid.domain;

import java.util.List;
import java.util.Optional;

/**
 * Sites of a workspace. Every write validates the site ({@link SiteRules}), keeps codes unique among live sites
 * ({@link DuplicateCodeException}), and records a sync operation with the write. Deletes are tombstones.
 */
public interface SiteRepository {
    /** Live sites ordered by code. */
    List<Site> list();

    Optional<Site> get(String id);

    Optional<Site> findByCode(String code);

    int count();

    void add(Site site);

    /** Adds all sites in one transaction: all or nothing. */
    void addAll(List<Site> sites);

    void update(Site site);

    /** Marks the site deleted (tombstone). */
    void delete(String id);

    /** Brings a deleted site back (undo of a delete). */
    void restore(String id);
}
