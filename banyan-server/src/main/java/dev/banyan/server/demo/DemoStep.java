package dev.banyan.server.demo;

/**
 * One step of {@code ./banyan demo} (演示步骤). Every capability that has something to show adds its
 * step as a bean; the demo runs them in {@link #order()}, shows their progress, and skips what is done
 * already, so that running the demo again is quick and changes nothing.
 */
public interface DemoStep {

    /** Position in the demo; the foundation uses 100–199, later modules their own hundreds. */
    int order();

    /** What the step does, in English and in Chinese, e.g. "Register departments / 登记部门". */
    String title();

    /** Performs the step, reporting progress; must be idempotent. */
    void run(DemoProgress progress) throws Exception;
}
