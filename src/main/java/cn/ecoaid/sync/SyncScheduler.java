package cn.ecoaid.sync;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background sync (SYNC.md §16): runs a full sync every {@code interval}, and at once on every {@link #trigger()} (a
 * local write, the network coming back, the user pressing "sync now"). After a failure the next attempt waits
 * exponentially longer, up to {@code maxBackoff}; a trigger still runs at once, so a failed upload is retried on a timer
 * and on every trigger, not only on the next local write. One run at a time.
 */
public final class SyncScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);

    /** The outcome of one background run: a report, or the failure. */
    public record Outcome(SyncEngine.Report report, RuntimeException failure) {
    }

    private final SyncEngine engine;
    private final Duration interval;
    private final Duration maxBackoff;
    private final Consumer<Outcome> listener;
    private final ScheduledExecutorService executor;
    private ScheduledFuture<?> next;
    private Duration backoff;
    private int runs;
    private boolean running;
    private boolean triggered;
    private Runnable stopListening = () -> { };

    public SyncScheduler(SyncEngine engine, Duration interval, Duration maxBackoff, Consumer<Outcome> listener) {
        this.engine = engine;
        this.interval = interval;
        this.maxBackoff = maxBackoff;
        this.listener = listener;
        this.backoff = interval;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ecoaid-sync");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Background sync of an enrolled workspace: a run now, then every {@code interval}, and one at once after every
     * local change to sync; {@link #close()} also stops listening for changes. Empty when the workspace is not enrolled.
     */
    public static java.util.Optional<SyncScheduler> background(cn.ecoaid.store.Workspace ws, Duration interval,
            Duration maxBackoff, Consumer<Outcome> listener) {
        java.util.Optional<java.net.URI> server = SyncEngine.enrolledServer(ws);
        if (server.isEmpty()) {
            return java.util.Optional.empty();
        }
        SyncScheduler s = new SyncScheduler(new SyncEngine(ws, server.get()), interval, maxBackoff, listener);
        s.stopListening = ws.onLocalChange(s::trigger);
        s.start();
        return java.util.Optional.of(s);
    }

    /** Starts the timer with a first run now. */
    public synchronized void start() {
        schedule(Duration.ZERO);
    }

    /** Runs a sync as soon as the current one (if any) is done. */
    public synchronized void trigger() {
        if (running) {
            triggered = true;
        } else {
            schedule(Duration.ZERO);
        }
    }

    public synchronized int runs() {
        return runs;
    }

    private synchronized void schedule(Duration delay) {
        if (executor.isShutdown()) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        next = executor.schedule(this::runOnce, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        synchronized (this) {
            running = true;
        }
        Outcome outcome;
        Duration wait;
        try {
            outcome = new Outcome(engine.sync(), null);
            synchronized (this) {
                backoff = interval;
            }
            wait = interval;
        } catch (RuntimeException e) {
            outcome = new Outcome(null, e);
            synchronized (this) {
                wait = backoff;
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(maxBackoff) > 0 ? maxBackoff : doubled;
            }
            LOG.info("background sync failed, next attempt in {} ms: {}", wait.toMillis(), e.toString());
        }
        synchronized (this) {
            runs++;
        }
        try {
            listener.accept(outcome);
        } catch (RuntimeException e) {
            LOG.warn("sync listener failed", e);
        }
        synchronized (this) {
            running = false;
            next = null;
            schedule(triggered ? Duration.ZERO : wait);
            triggered = false;
        }
    }

    @Override
    public void close() {
        // Not synchronized while waiting: a run that is finishing needs this object's lock to end.
        synchronized (this) {
            stopListening.run();
            executor.shutdownNow();
        }
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
