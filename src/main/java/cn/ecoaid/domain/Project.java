package cn.ecoaid.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The stationed project a workspace holds: city (GB/T 2260 administrative code and name), project name, period, team
 * and topics.
 */
public record Project(String id, String cityCode, String cityName, String name, LocalDate periodStart,
                      LocalDate periodEnd, List<Topic> topics, List<TeamMember> team) {
    public Project {
        Objects.requireNonNull(id, "id");
        cityCode = cityCode == null ? "" : cityCode.strip();
        cityName = cityName == null ? "" : cityName.strip();
        name = name == null ? "" : name.strip();
        topics = topics == null ? List.of() : List.copyOf(topics);
        team = team == null ? List.of() : List.copyOf(team);
    }

    /** Rules: 6-digit city code, names present, period in order. */
    public List<FieldProblem> validate() {
        List<FieldProblem> out = new java.util.ArrayList<>();
        if (!cityCode.matches("\\d{6}")) {
            out.add(FieldProblem.of("cityCode", "project.invalid.cityCode", cityCode));
        }
        if (cityName.isEmpty()) {
            out.add(FieldProblem.of("cityName", "project.invalid.cityName"));
        }
        if (name.isEmpty()) {
            out.add(FieldProblem.of("name", "project.invalid.name"));
        }
        if (periodStart != null && periodEnd != null && periodEnd.isBefore(periodStart)) {
            out.add(FieldProblem.of("periodEnd", "project.invalid.period", periodStart, periodEnd));
        }
        return out;
    }
}
