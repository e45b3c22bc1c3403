package dev.banyan.server.demo;

/** How a demo step reports what it is doing, for the progress line of {@code ./banyan demo}. */
public interface DemoProgress {

    /** Work done so far out of {@code total}, for a step that knows its size. */
    void advance(String what, long done, long total);

    /** A line to print under the step, e.g. a count of what was created. */
    void report(String line);
}
