package cn.ecoaid.domain;

/** A live site with this code already exists. */
public class DuplicateCodeException extends EcoAidException {
    private static final long serialVersionUID = 1L;
    private final String code;

    public DuplicateCodeException(String code) {
        super("site.invalid.duplicateCode", code);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
