package dev.banyan.server.share.internal;

import dev.banyan.server.share.UpstreamSpec;
import dev.banyan.standards.Masking;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An upstream interface's answer as a consumer sees it (上级接口应答): the records at the definition's data pointer
 * (one object, or an array of them), each shaped like a row of a lookup — the requested output fields in order, those
 * granted in clear as the upstream gave them, declared personal fields not granted masked, anything else left out.
 * So a consumer of a proxy sees exactly as much as a consumer of a lookup over the city's own data.
 */
final class UpstreamAnswer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HIDDEN = "******";

    /** What the consumer gets: the body, how many records, and the fields returned. */
    record Shaped(Object body, int rows, List<String> fields) {
    }

    /** The answer is not JSON, or its data is neither an object nor an array of objects. */
    static final class Malformed extends RuntimeException {

        Malformed(String what) {
            super(what, null, false, false);
        }
    }

    private final List<String> fields;
    private final Set<String> clearFields;
    private final Map<String, UpstreamSpec.Mask> personal;

    UpstreamAnswer(List<String> fields, Set<String> clearFields, Map<String, UpstreamSpec.Mask> personal) {
        this.fields = List.copyOf(fields);
        this.clearFields = Set.copyOf(clearFields);
        this.personal = Map.copyOf(personal);
    }

    /**
     * Shapes the answer; {@code null} when the upstream has no data for the parameters (no data, or JSON null there).
     *
     * @throws Malformed when the body is not JSON or its data is not records
     */
    Shaped shape(byte[] body, String dataPointer) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new Malformed("not JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw new Malformed("empty body");
        }
        JsonNode data = dataPointer.isEmpty() ? root : root.at(JsonPointer.compile(dataPointer));
        if (data.isMissingNode() || data.isNull()) {
            return null;
        }
        if (data.isObject()) {
            return new Shaped(record(data), 1, visibleFields());
        }
        if (data.isArray()) {
            List<Map<String, Object>> records = new ArrayList<>();
            for (JsonNode element : data) {
                if (!element.isObject()) {
                    throw new Malformed("an element of the data array is not an object");
                }
                records.add(record(element));
            }
            return new Shaped(records, records.size(), visibleFields());
        }
        throw new Malformed("the data is neither an object nor an array");
    }

    private Map<String, Object> record(JsonNode node) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : fields) {
            JsonNode v = node.get(name);
            if (clearFields.contains(name)) {
                out.put(name, v == null || v.isNull() ? null : JSON.treeToValue(v, Object.class));
            } else if (personal.containsKey(name)) {
                out.put(name, v == null || v.isNull() ? null : mask(personal.get(name), v));
            }
        }
        return out;
    }

    /** The fields a record carries: those granted in clear, and declared personal ones (masked). */
    private List<String> visibleFields() {
        return fields.stream().filter(n -> clearFields.contains(n) || personal.containsKey(n)).toList();
    }

    /** A personal value masked; one that masking would leave unchanged is hidden entirely. */
    static String mask(UpstreamSpec.Mask mask, JsonNode value) {
        if (!value.isValueNode()) {
            return HIDDEN;
        }
        String text = value.asString();
        String masked = switch (mask) {
            case IDENTIFIER -> Masking.mask(text, Masking.Kind.IDENTIFIER);
            case PHONE -> Masking.mask(text, Masking.Kind.PHONE);
            case NAME -> Masking.mask(text, Masking.Kind.NAME);
            case ADDRESS -> Masking.mask(text, Masking.Kind.ADDRESS);
            case DATE -> Masking.mask(text, Masking.Kind.DATE);
            case HIDDEN -> HIDDEN;
        };
        return masked == null || masked.equals(text) ? HIDDEN : masked;
    }
}
