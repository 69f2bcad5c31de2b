package cn.ecoaid.solution;

/** The sections of a solution package, in the order the deliverable follows; each is chapter {@code ordinal()+1}. */
public enum SectionKind {
    DIAGNOSIS, SOURCES, INVENTORY, REDUCTION, MEASURES, ROADMAP, EFFECT, TECHNOLOGIES;

    /** The chapter number in the report (1-based). */
    public int chapter() {
        return ordinal() + 1;
    }
}
