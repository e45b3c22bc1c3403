package dev.banyan.synthcity.output;

import dev.banyan.synthcity.ProgressListener;

/**
 * Counts the work of one stage and tells the listener about every half percent (进度), never per row; the
 * final call always reports {@code total / total}.
 */
public final class ProgressMeter {

    private final ProgressListener listener;
    private final String stage;
    private final long total;
    private final long every;
    private long done;
    private long nextReport;

    public ProgressMeter(ProgressListener listener, String stage, long total) {
        this.listener = listener;
        this.stage = stage;
        this.total = Math.max(1, total);
        this.every = Math.max(1, (this.total + 199) / 200);
        this.nextReport = every;
        listener.onProgress(stage, 0, this.total);
    }

    public void step() {
        if (++done >= nextReport) {
            report();
        }
    }

    /** Sets the amount done, e.g. from a builder's callback. */
    public void reached(long value) {
        done = value;
        if (done >= nextReport) {
            report();
        }
    }

    private void report() {
        nextReport = (done / every + 1) * every;
        if (done < total) {
            listener.onProgress(stage, done, total);
        }
    }

    public void finish() {
        done = total;
        listener.onProgress(stage, total, total);
    }
}
