package cn.ecoaid.domain;

/** A member of the stationed team. Role names are free text (组长, 成员, team lead …). */
public record TeamMember(String id, String name, String role, String organisation) {
    public TeamMember {
        name = name == null ? "" : name.strip();
        role = role == null ? "" : role.strip();
        organisation = organisation == null ? "" : organisation.strip();
    }
}
