package dev.banyan.server.share.internal;

import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.share.ServiceDefinition;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The written form of a {@link ServiceDefinition}: JSON or YAML as a department writes it (unknown keys are
 * refused, so that a misspelt key does not silently do nothing; enum values in any case), and the canonical JSON
 * stored with each version.
 */
final class ServiceDefinitionFormat {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // A flag left out (a parameter's "required") means no.
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(v -> v.withValueInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL))
            .build();

    private ServiceDefinitionFormat() {
    }

    /** Reads JSON (starting with '{') or YAML. */
    static ServiceDefinition parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("definition", "share.error.definition.empty");
        }
        Object tree;
        try {
            tree = text.stripLeading().startsWith("{") ? JSON.readValue(text, Map.class)
                    : new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (MarkedYAMLException e) {
            throw new InvalidInputException("definition", "share.error.definition.syntax",
                    e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1, e.getProblem());
        } catch (JacksonException e) {
            throw new InvalidInputException("definition", "share.error.definition.syntax",
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr(), e.getOriginalMessage());
        }
        if (!(tree instanceof Map<?, ?>)) {
            throw new InvalidInputException("definition", "share.error.definition.notObject");
        }
        try {
            return JSON.convertValue(tree, ServiceDefinition.class);
        } catch (JacksonException | IllegalArgumentException e) {
            String path = e instanceof tools.jackson.databind.DatabindException d ? path(d.getPath()) : "definition";
            throw new InvalidInputException(path, "share.error.definition.shape",
                    e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage());
        }
    }

    /** Where in the definition a shape problem is, as the other problems name it: {@code parameters[0].required}. */
    private static String path(java.util.List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference r : references) {
            if (r.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "definition" : path.toString();
    }

    /** Reads a definition stored by {@link #toJson}. */
    static ServiceDefinition parseStored(String json) {
        return JSON.readValue(json, ServiceDefinition.class);
    }

    static String toJson(ServiceDefinition d) {
        return JSON.writeValueAsString(d);
    }

    static String sha256(ServiceDefinition d) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(toJson(d).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
