package dev.banyan.synthcity;

/**
 * Receives progress while a city is generated (进度回调), often enough for a progress bar (about every half percent
 * of a stage) but never per row. Stages are short English names: {@code persons}, {@code enterprises},
 * {@code houses}, one per department ({@code public-security}, {@code market-regulation}, … {@code transport}),
 * {@code ground-truth} and {@code manifest}. Departments are written in parallel, so calls may come from several
 * threads; the generator serialises them, so an implementation needs no locking of its own.
 */
@FunctionalInterface
public interface ProgressListener {

    void onProgress(String stage, long done, long total);

    /** A listener that ignores progress. */
    static ProgressListener none() {
        return (stage, done, total) -> {
        };
    }
}
