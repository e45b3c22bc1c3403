package dev.banyan.server.share.internal;

/**
 * Fills in what a shipped service definition cannot know in advance, before the demo publishes it — e.g. the address
 * of the simulated provincial upstream, which listens on a port chosen at start. Each bean expands its own
 * placeholders and leaves the rest of the text alone.
 */
interface ServiceDefinitionSource {

    String expand(String definitionText);
}
