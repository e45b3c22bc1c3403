package dev.banyan.server.ingest;

import dev.banyan.server.ingest.internal.DelimitedConnector;
import dev.banyan.server.ingest.internal.JdbcConnector;
import dev.banyan.server.ingest.internal.JsonConnector;
import dev.banyan.server.ingest.internal.RestConnector;
import dev.banyan.server.ingest.internal.XlsConnector;
import dev.banyan.server.ingest.internal.XlsxConnector;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The registry of connectors by type (连接器注册表). Plain Java; the server wires one up later.
 *
 * <pre>{@code
 * SourceConnectors connectors = SourceConnectors.builtIn();
 * try (SourceReader reader = connectors.open(SourceSpec.of("csv", "/data/pupils.csv"))) {
 *     for (SourceRow row : reader) { ... }
 *     SourceFingerprint fp = reader.fingerprint();
 * }
 * }</pre>
 */
public final class SourceConnectors {

    private final Map<String, SourceConnector> byType;

    private SourceConnectors(Map<String, SourceConnector> byType) {
        this.byType = byType;
    }

    /** A registry of the given connectors; two with the same type are an error. */
    public static SourceConnectors of(Collection<? extends SourceConnector> connectors) {
        Map<String, SourceConnector> map = new LinkedHashMap<>();
        for (SourceConnector c : connectors) {
            SourceConnector previous = map.putIfAbsent(c.type(), c);
            if (previous != null) {
                throw new IllegalArgumentException("two connectors for type " + c.type() + ": "
                        + previous.getClass().getName() + " and " + c.getClass().getName());
            }
        }
        return new SourceConnectors(Map.copyOf(map));
    }

    /** csv, tsv, ndjson, json, xlsx, xls, jdbc and rest. */
    public static SourceConnectors builtIn() {
        return of(builtInConnectors());
    }

    /** The built-in connectors, for a registry that adds its own. */
    public static List<SourceConnector> builtInConnectors() {
        return List.of(DelimitedConnector.csv(), DelimitedConnector.tsv(), JsonConnector.ndjson(),
                JsonConnector.jsonArray(), new XlsxConnector(), new XlsConnector(), new JdbcConnector(),
                new RestConnector());
    }

    /** This registry plus more connectors. */
    public SourceConnectors with(SourceConnector... more) {
        List<SourceConnector> all = new ArrayList<>(byType.values());
        all.addAll(List.of(more));
        return of(all);
    }

    public Set<String> types() {
        return new TreeSet<>(byType.keySet());
    }

    public Optional<SourceConnector> find(String type) {
        return Optional.ofNullable(type == null ? null : byType.get(type.strip().toLowerCase(java.util.Locale.ROOT)));
    }

    /** @throws SourceException {@link SourceErrorCode#UNKNOWN_TYPE} if no connector reads the type */
    public SourceConnector connector(String type) {
        return find(type).orElseThrow(() -> new SourceException(SourceErrorCode.UNKNOWN_TYPE, null, null,
                "no connector reads sources of type '" + type + "'", "use one of " + String.join(", ", types()) + "."));
    }

    /**
     * Checks that the spec only uses options its connector understands, then opens it.
     *
     * @throws SourceException as {@link SourceConnector#open}, or {@link SourceErrorCode#BAD_OPTION} for an option
     *                         that does not apply to the type
     */
    public SourceReader open(SourceSpec spec) {
        SourceConnector connector = connector(spec.type());
        check(connector, spec);
        return connector.open(spec);
    }

    /** Rejects options the connector does not understand. */
    public static void check(SourceConnector connector, SourceSpec spec) {
        EnumSet<SourceOption> extra = spec.options().given().isEmpty() ? EnumSet.noneOf(SourceOption.class)
                : EnumSet.copyOf(spec.options().given());
        extra.removeAll(connector.options());
        if (!extra.isEmpty()) {
            throw new SourceException(SourceErrorCode.BAD_OPTION, spec.location(), null,
                    "option(s) " + extra.stream().map(SourceOption::key).collect(Collectors.joining(", "))
                            + " do not apply to " + connector.type() + " sources",
                    "remove them; " + connector.type() + " understands " + (connector.options().isEmpty() ? "no options"
                            : connector.options().stream().map(SourceOption::key).collect(Collectors.joining(", ")))
                            + ".");
        }
    }
}
