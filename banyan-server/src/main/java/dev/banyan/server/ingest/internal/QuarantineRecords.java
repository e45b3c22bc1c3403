package dev.banyan.server.ingest.internal;

import dev.banyan.server.ingest.QuarantineProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The JSON shape of quarantine problems and values, as stored in {@code ingest.quarantine}. */
final class QuarantineRecords {

    private QuarantineRecords() {
    }

    static Map<String, Object> toMap(QuarantineProblem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", p.field());
        m.put("rule", p.rule());
        m.put("code", p.code());
        m.put("value", p.value());
        m.put("detail", p.detail());
        m.put("rejects", p.rejects());
        return m;
    }

    static List<QuarantineProblem> problems(String json) {
        List<QuarantineProblem> list = new ArrayList<>();
        for (JsonNode n : BatchStore.JSON.readTree(json)) {
            list.add(new QuarantineProblem(text(n, "field"), text(n, "rule"), text(n, "code"), text(n, "value"),
                    text(n, "detail"), n.path("rejects").asBoolean(false)));
        }
        return list;
    }

    static Map<String, String> values(String json) {
        if (json == null) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : BatchStore.JSON.readTree(json).properties()) {
            values.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString());
        }
        return values;
    }

    private static String text(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || v.isNull() ? null : v.asString();
    }
}
