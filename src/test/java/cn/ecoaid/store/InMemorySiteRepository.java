package cn.ecoaid.store;

import cn.ecoaid.domain.DuplicateCodeException;
import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.FieldProblem;
import cn.ecoaid.domain.InvalidRecordException;
import cn.ecoaid.domain.Site;
import cn.ecoaid.domain.SiteRepository;
import cn.ecoaid.domain.SiteRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A fake for view-model tests; passes {@link SiteRepositoryContract}. */
public final class InMemorySiteRepository implements SiteRepository {
    private final Map<String, Site> live = new LinkedHashMap<>();
    private final Map<String, Site> deleted = new LinkedHashMap<>();
    /** Recorded operations: site id, kind. */
    public final List<String[]> operations = new ArrayList<>();

    @Override
    public synchronized List<Site> list() {
        return live.values().stream().sorted(Comparator.comparing(Site::code)).toList();
    }

    @Override
    public synchronized Optional<Site> get(String id) {
        return Optional.ofNullable(live.get(id));
    }

    @Override
    public synchronized Optional<Site> findByCode(String code) {
        return live.values().stream().filter(s -> s.code().equals(code.strip())).findFirst();
    }

    @Override
    public synchronized int count() {
        return live.size();
    }

    @Override
    public synchronized void add(Site site) {
        addAll(List.of(site));
    }

    @Override
    public synchronized void addAll(List<Site> sites) {
        Set<String> codes = new HashSet<>();
        for (Site s : sites) {
            check(s);
            if (!codes.add(s.code()) || findByCode(s.code()).isPresent()) {
                throw new DuplicateCodeException(s.code());
            }
        }
        for (Site s : sites) {
            live.put(s.id(), s);
            operations.add(new String[] {s.id(), "UPSERT"});
        }
    }

    @Override
    public synchronized void update(Site site) {
        check(site);
        if (!live.containsKey(site.id())) {
            throw new EcoAidException("site.error.notFound", site.id());
        }
        Optional<Site> same = findByCode(site.code());
        if (same.isPresent() && !same.get().id().equals(site.id())) {
            throw new DuplicateCodeException(site.code());
        }
        if (!live.get(site.id()).equals(site)) {
            live.put(site.id(), site);
            operations.add(new String[] {site.id(), "UPSERT"});
        }
    }

    @Override
    public synchronized void delete(String id) {
        Site s = live.remove(id);
        if (s == null) {
            throw new EcoAidException("site.error.notFound", id);
        }
        deleted.put(id, s);
        operations.add(new String[] {id, "DELETE"});
    }

    @Override
    public synchronized void restore(String id) {
        Site s = deleted.get(id);
        if (s == null) {
            throw new EcoAidException("site.error.notFound", id);
        }
        if (findByCode(s.code()).isPresent()) {
            throw new DuplicateCodeException(s.code());
        }
        deleted.remove(id);
        live.put(id, s);
        operations.add(new String[] {id, "UPSERT"});
    }

    private static void check(Site s) {
        List<FieldProblem> problems = SiteRules.validate(s);
        if (!problems.isEmpty()) {
            throw new InvalidRecordException(problems);
        }
    }
}
