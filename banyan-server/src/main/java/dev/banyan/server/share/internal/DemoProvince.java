package dev.banyan.server.share.internal;

import java.io.IOException;

/**
 * The demo's province (演示用省级平台): starts the {@link ProvincialUpstream} simulator once, registers it as the
 * {@code province} upstream address that the proxy definitions in {@code share/services/} start with, and makes the
 * simulator's API key available to their {@code ${env:BANYAN_PROVINCE_API_KEY}} header unless the environment sets
 * one. Stopped with the application.
 */
final class DemoProvince implements AutoCloseable {

    /** The upstream address name the demo's proxy definitions use. */
    static final String ADDRESS = "province";

    private final UpstreamAddresses addresses;
    private ProvincialUpstream running;

    DemoProvince(UpstreamAddresses addresses) {
        this.addresses = addresses;
    }

    /** Starts the simulator (once per run of the server) and returns its base URL, e.g. {@code http://127.0.0.1:41237}. */
    synchronized String start() throws IOException {
        if (running == null) {
            running = ProvincialUpstream.start();
        }
        addresses.register(ADDRESS, running.baseUrl());
        if (System.getenv(ProvincialUpstream.API_KEY_VARIABLE) == null) {
            System.setProperty(ProvincialUpstream.API_KEY_VARIABLE, ProvincialUpstream.API_KEY);
        }
        return running.baseUrl();
    }

    @Override
    public synchronized void close() {
        if (running != null) {
            running.close();
            running = null;
        }
    }
}
