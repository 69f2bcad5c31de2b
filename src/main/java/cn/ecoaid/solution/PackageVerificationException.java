package cn.ecoaid.solution;

import cn.ecoaid.domain.EcoAidException;

/** An exported package failed verification: a hash, the signature or the archive's layout is wrong. */
public class PackageVerificationException extends EcoAidException {
    private static final long serialVersionUID = 1L;

    public PackageVerificationException(String key, Object... args) {
        super(key, args);
    }
}
