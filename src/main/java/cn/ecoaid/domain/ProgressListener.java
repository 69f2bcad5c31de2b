package cn.ecoaid.domain;

/**
 * Progress and cancellation for long core work. Core code calls {@link #progress} now and then and stops with
 * {@link CancelledException} when {@link #isCancelled} says so. Implementations must be thread-safe.
 */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void progress(long done, long total) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    void progress(long done, long total);

    boolean isCancelled();

    /** Throws {@link CancelledException} if the user cancelled. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}
