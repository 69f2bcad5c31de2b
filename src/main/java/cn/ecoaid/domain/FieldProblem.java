package cn.ecoaid.domain;

import java.util.Arrays;
import java.util.List;

/** A rule a field breaks: the field's name (as in {@link SiteRules}), a reason key and its arguments. */
public record FieldProblem(String field, String reasonKey, List<Object> args) {
    public FieldProblem {
        args = List.copyOf(args);
    }

    public static FieldProblem of(String field, String reasonKey, Object... args) {
        return new FieldProblem(field, reasonKey, Arrays.asList(args));
    }
}
