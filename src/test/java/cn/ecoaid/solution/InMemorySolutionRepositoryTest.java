package cn.ecoaid.solution;

class InMemorySolutionRepositoryTest extends SolutionRepositoryContract {
    @Override
    protected SolutionRepository newRepository() {
        return new InMemorySolutionRepository();
    }
}
