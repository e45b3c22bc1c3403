package dev.banyan.server.ingest.internal;

import dev.banyan.server.catalog.DataElement;
import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.ingest.MappingSuggestion;
import dev.banyan.server.ingest.MappingSuggestion.Reason;
import dev.banyan.server.ingest.MappingSuggestion.SuggestedField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Suggests which source column feeds which catalog field (映射建议): the column of the same name; else of a similar
 * name (spacing, width, case ignored); else a column named by the field's data element — its Chinese or English name or
 * one of its aliases, as in 身份证号 for 公民身份号码. Each column is suggested for one field at most.
 */
final class MappingSuggester {

    private final Map<String, DataElement> elements;

    MappingSuggester(Map<String, DataElement> elements) {
        this.elements = elements;
    }

    MappingSuggestion suggest(List<String> columns, List<ResourceField> fields) {
        String[] chosen = new String[fields.size()];
        Reason[] reasons = new Reason[fields.size()];
        Arrays.fill(reasons, Reason.NONE);
        boolean[] used = new boolean[columns.size()];
        pass(columns, fields, chosen, reasons, used, Reason.SAME_NAME);
        pass(columns, fields, chosen, reasons, used, Reason.SIMILAR_NAME);
        pass(columns, fields, chosen, reasons, used, Reason.DATA_ELEMENT);
        List<SuggestedField> suggested = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            suggested.add(new SuggestedField(fields.get(f).name(), fields.get(f).dataElement(), chosen[f], reasons[f]));
        }
        List<String> unused = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (!used[c]) {
                unused.add(columns.get(c));
            }
        }
        return new MappingSuggestion(columns, suggested, unused);
    }

    private void pass(List<String> columns, List<ResourceField> fields, String[] chosen, Reason[] reasons,
                      boolean[] used, Reason reason) {
        for (int f = 0; f < fields.size(); f++) {
            if (chosen[f] != null) {
                continue;
            }
            for (int c = 0; c < columns.size(); c++) {
                if (!used[c] && columns.get(c) != null && fits(columns.get(c), fields.get(f), reason)) {
                    chosen[f] = columns.get(c);
                    reasons[f] = reason;
                    used[c] = true;
                    break;
                }
            }
        }
    }

    private boolean fits(String column, ResourceField field, Reason reason) {
        return switch (reason) {
            case SAME_NAME -> column.equals(field.name());
            case SIMILAR_NAME -> ColumnMapping.normalise(column).equals(ColumnMapping.normalise(field.name()));
            case DATA_ELEMENT -> namesElement(column, field.dataElement());
            case NONE -> false;
        };
    }

    private boolean namesElement(String column, String code) {
        DataElement e = code == null ? null : elements.get(code);
        if (e == null) {
            return false;
        }
        String c = ColumnMapping.normalise(column);
        if (c.equals(ColumnMapping.normalise(e.nameZh())) || c.equals(ColumnMapping.normalise(e.nameEn()))) {
            return true;
        }
        // Aliases are words separated by spaces; English ones may be several words, so match them as a phrase too.
        String aliases = e.aliases() == null ? "" : e.aliases().toLowerCase(Locale.ROOT);
        for (String alias : aliases.split("\\s+")) {
            if (!alias.isEmpty() && c.equals(ColumnMapping.normalise(alias))) {
                return true;
            }
        }
        return c.length() > 3 && c.matches("[a-z ]+") && (" " + aliases + " ").contains(" " + c + " ");
    }
}
