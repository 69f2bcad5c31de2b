package cn.ecoaid.solution;

import java.util.Objects;

/** A solution package (综合解决方案): scope, title, city and the team that wrote it. Sections, measures … hang off its id. */
public record SolutionPackage(String id, Scope scope, String title, String city, String team) {
    public SolutionPackage {
        Objects.requireNonNull(id, "id");
        scope = scope == null ? Scope.CITY : scope;
        title = title == null ? "" : title.strip();
        city = city == null ? "" : city.strip();
        team = team == null ? "" : team.strip();
    }

    public static SolutionPackage create(Scope scope, String title, String city, String team) {
        return new SolutionPackage(cn.ecoaid.domain.Ids.newId(), scope, title, city, team);
    }
}
