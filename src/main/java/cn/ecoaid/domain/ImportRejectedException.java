package cn.ecoaid.domain;

import java.util.List;

/** An import that found bad rows and therefore committed nothing. */
public class ImportRejectedException extends EcoAidException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public ImportRejectedException(List<Problem> problems) {
        super("error.import.rejected", problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
