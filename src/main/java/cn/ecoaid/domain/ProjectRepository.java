package cn.ecoaid.domain;

/** The one project of a workspace, with its team. */
public interface ProjectRepository {
    Project get();

    /** Saves project fields and the team (members absent from {@code project.team()} are deleted as tombstones). */
    void update(Project project);
}
