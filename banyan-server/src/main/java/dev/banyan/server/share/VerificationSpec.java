package dev.banyan.server.share;

import java.util.List;
import java.util.Map;

/**
 * The rule of a verification service (核验规则): facts gathered about the subject from STANDARD tables, and a CEL
 * expression over them that says yes or no — the caller learns the answer and a reason code, never the facts.
 *
 * <p>Besides the facts, a rule sees the subject's identity number {@code subject} (string) and what it tells:
 * {@code age} (int, whole years today), {@code birth_date} (string {@code YYYY-MM-DD}), {@code sex} ({@code "M"} or
 * {@code "F"}), and {@code today} (string {@code YYYY-MM-DD}, China Standard Time); and the function
 * {@code years_since(date)} (whole years from a {@code YYYY-MM-DD} date to today, 0 for an empty one). See
 * {@code docs/share.md}, "Verification services".
 *
 * @param facts   named facts, each read from one resource by the subject's identifier
 * @param rule    CEL over the facts and the subject, of type bool
 * @param reasons reason code → CEL condition, checked in order when the answer is no; the first that holds is the reason
 */
public record VerificationSpec(List<Fact> facts, String rule, Map<String, String> reasons) {

    public VerificationSpec {
        facts = facts == null ? List.of() : List.copyOf(facts);
        reasons = reasons == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(reasons));
    }

    /**
     * A fact about the subject (核验事实): one aggregate over the rows of a resource that match the subject.
     *
     * @param name       the CEL variable, e.g. {@code deceased}
     * @param resource   the catalog resource read
     * @param matchField its field holding the subject's identifier, e.g. {@code 身份证号}
     * @param function   {@code EXISTS} (bool), {@code COUNT} (int), {@code SUM}, {@code MIN}, {@code MAX} or
     *                   {@code FIRST} (the value of the row with the smallest key); over no rows a fact is
     *                   {@code false}, {@code 0}, {@code 0.0} or {@code ""}
     * @param field      the field aggregated (not for {@code EXISTS} and {@code COUNT})
     * @param conditions only rows meeting these count
     * @param via        read the rows of every member of the subject's group (e.g. household) instead of the subject's own
     */
    public record Fact(String name, String resource, String matchField, String function, String field,
                       List<RowCondition> conditions, Via via) {

        public Fact {
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
        }

        public Fact(String name, String resource, String matchField, String function, String field,
                    List<RowCondition> conditions) {
            this(name, resource, matchField, function, field, conditions, null);
        }
    }

    /**
     * A second hop from the subject to the members of its group (经由): the subject's rows in {@code resource} (by
     * {@code matchField}) give its group ({@code groupField}, e.g. 户号), every row of that group (meeting
     * {@code conditions}) gives a member ({@code memberField}, e.g. 公民身份号码), and the fact then aggregates the rows
     * of its own resource that match any member — e.g. the income of everyone in the subject's household.
     *
     * @param memberField defaults to {@code matchField}
     */
    public record Via(String resource, String matchField, String groupField, String memberField,
                      List<RowCondition> conditions) {

        public Via {
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
            memberField = memberField == null || memberField.isBlank() ? matchField : memberField;
        }
    }
}
