package cn.ecoaid.domain;

import java.util.List;

/** A record breaks one or more rules; the first problem's reason is the message. */
public class InvalidRecordException extends EcoAidException {
    private static final long serialVersionUID = 1L;
    private final transient List<FieldProblem> problems;

    public InvalidRecordException(List<FieldProblem> problems) {
        super(problems.get(0).reasonKey(), problems.get(0).args().toArray());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
