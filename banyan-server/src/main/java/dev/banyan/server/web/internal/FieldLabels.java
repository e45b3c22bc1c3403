package dev.banyan.server.web.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The label a person reads for an input field named in an error, e.g. {@code shareLegalBasis} → 不予共享依据 and
 * {@code fields[2].dataElement} → 第 3 个信息项：数据元, from the {@code field.*} messages; the field's own name when
 * there is no label. Used by the form-error fragment as {@code @fieldLabels}.
 */
@Component("fieldLabels")
class FieldLabels {

    private static final Pattern ITEM = Pattern.compile("(\\w+)\\[(\\d+)]\\.(\\w+)");

    private final MessageSource messages;

    FieldLabels(MessageSource messages) {
        this.messages = messages;
    }

    public String of(String field, Locale locale) {
        if (field == null || field.isBlank()) {
            return "";
        }
        Matcher m = ITEM.matcher(field);
        if (m.matches()) {
            String list = m.group(1);
            String element = label(list + "." + m.group(3), m.group(3), locale);
            return messages.getMessage("field." + list + ".item", new Object[] {Integer.parseInt(m.group(2)) + 1, element},
                    field, locale);
        }
        return label(field, field, locale);
    }

    private String label(String key, String fallback, Locale locale) {
        return messages.getMessage("field." + key, null, fallback, locale);
    }
}
