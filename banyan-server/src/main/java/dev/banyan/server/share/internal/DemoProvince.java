package dev.banyan.server.share.internal;

import java.io.IOException;

/**
 * The demo's province (演示用省级平台): starts the {@link ProvincialUpstream} simulator once, registers it as the
 * {@code province} upstream address that the proxy definitions in {@code share/services/} start with, and makes the
 * simulator's API key available to their {@code ${env:BANYAN_PROVINCE_API_KEY}} header unless the environment sets
 * one. The demo's publishing step meets it as a {@link ServiceDefinitionSource}: a definition naming the province
 * starts it, and is published as written — the address is resolved at each call, so the published proxies keep
 * working when a later run's simulator listens on another port. Stopped with the application.
 */
final class DemoProvince implements ServiceDefinitionSource, AutoCloseable {

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

    /** Starts the simulator when the definition calls the province; the text itself stays as it is. */
    @Override
    public String expand(String definitionText) {
        if (definitionText.contains("${upstream." + ADDRESS + "}")) {
            try {
                start();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("the simulated province could not start", e);
            }
        }
        return definitionText;
    }

    @Override
    public synchronized void close() {
        if (running != null) {
            running.close();
            running = null;
        }
    }
}
