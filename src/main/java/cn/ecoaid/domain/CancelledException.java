package cn.ecoaid.domain;

/** Long work stopped because the user cancelled it. */
public class CancelledException extends EcoAidException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("error.cancelled");
    }
}
