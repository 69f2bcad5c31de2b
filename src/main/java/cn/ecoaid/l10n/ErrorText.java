package cn.ecoaid.l10n;

import cn.ecoaid.domain.EcoAidException;
import cn.ecoaid.domain.Problem;

/** Turns core errors into sentences in the current language. */
public final class ErrorText {
    private ErrorText() {
    }

    /** The user-facing sentence for any error: typed core errors by key, anything else as an unexpected error. */
    public static String describe(Throwable error) {
        Throwable t = error;
        while (t != null) {
            if (t instanceof EcoAidException e) {
                return Messages.get(e.key(), e.args());
            }
            t = t.getCause();
        }
        String detail = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return Messages.get("error.unexpected", detail);
    }

    /** "Row 5, column 经度: longitude 190 is outside China (73.5–135.1)". */
    public static String describe(Problem p) {
        String reason = Messages.get(p.reasonKey(), p.args().toArray());
        if (p.column().isEmpty()) {
            return Messages.get("problem.row", p.row(), reason);
        }
        return Messages.get("problem.rowColumn", p.row(), p.column(), reason);
    }
}
