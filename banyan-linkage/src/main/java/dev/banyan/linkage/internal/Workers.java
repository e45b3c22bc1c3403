package dev.banyan.linkage.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs slices of work on platform threads and waits for all of them (并行切片). The linkage is CPU-bound, so one thread
 * per core; the caller decides how many slices, so results can be merged in slice order for determinism.
 */
public final class Workers {

    private Workers() {
    }

    public static void run(Runnable[] slices) {
        if (slices.length == 1) {
            slices[0].run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(slices.length, r -> {
            Thread t = new Thread(r, "linkage-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable s : slices) {
                futures.add(pool.submit(s));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
