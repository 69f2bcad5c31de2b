package cn.ecoaid.store;

import cn.ecoaid.domain.SiteRepository;
import java.util.List;

class InMemorySiteRepositoryTest extends SiteRepositoryContract {
    private InMemorySiteRepository fake;

    @Override
    protected SiteRepository newRepository() {
        fake = new InMemorySiteRepository();
        return fake;
    }

    @Override
    protected List<String> operationKinds(String siteId) {
        return fake.operations.stream().filter(o -> o[0].equals(siteId)).map(o -> o[1]).toList();
    }
}
