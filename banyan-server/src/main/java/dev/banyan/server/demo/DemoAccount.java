package dev.banyan.server.demo;

/** A login printed at the end of the demo so that a visitor can try each role. */
public record DemoAccount(String username, String password, String roleEn, String roleZh) {
}
