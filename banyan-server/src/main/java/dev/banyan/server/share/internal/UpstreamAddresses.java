package dev.banyan.server.share.internal;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The base addresses of the upstream platforms (上级平台地址), by name — e.g. {@code province} for the provincial
 * exchange through which national interfaces also cascade down. A proxy's URL may start with
 * {@code ${upstream.NAME}}, resolved at call time, so that moving the provincial gateway changes one setting
 * ({@code banyan.share.upstreams.NAME}) instead of every proxy service; the demo registers its simulator here.
 */
final class UpstreamAddresses {

    private static final Pattern PREFIX = Pattern.compile("^\\$\\{upstream\\.([A-Za-z0-9_-]+)}");

    private final Map<String, String> bases = new ConcurrentHashMap<>();

    UpstreamAddresses(Map<String, String> configured) {
        configured.forEach(this::register);
    }

    /**
     * Registers (or moves) a named base address.
     *
     * @throws IllegalArgumentException when the address is not an absolute http(s) URL
     */
    void register(String name, String baseUrl) {
        URI uri = URI.create(baseUrl.strip());
        if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("upstream address " + name + " is not an absolute http(s) URL: " + baseUrl);
        }
        String base = uri.toString();
        bases.put(name, base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    }

    Set<String> names() {
        return new TreeSet<>(bases.keySet());
    }

    /** The name of the address a URL starts with, if it starts with a {@code ${upstream.NAME}} placeholder. */
    static Optional<String> referencedName(String url) {
        Matcher m = PREFIX.matcher(url == null ? "" : url.strip());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * The URL with its {@code ${upstream.NAME}} prefix replaced by the registered address; the URL as it is when it
     * has no such prefix; empty when the name is not registered.
     */
    Optional<String> resolve(String url) {
        String u = url.strip();
        Optional<String> name = referencedName(u);
        if (name.isEmpty()) {
            return Optional.of(u);
        }
        String base = bases.get(name.get());
        return base == null ? Optional.empty() : Optional.of(base + PREFIX.matcher(u).replaceFirst(""));
    }
}
