package dev.banyan.server.share;

import java.util.List;
import java.util.Map;

/**
 * The rule of a verification service (核验规则): facts gathered about the subject from STANDARD tables, and a CEL
 * expression over them that says yes or no — the caller learns the answer and a reason code, never the facts.
 *
 * @param facts   named facts, each read from one resource by the subject's identifier
 * @param rule    CEL over the facts and the call's parameters, of type bool
 * @param reasons reason code → CEL condition, checked in order when the answer is no; the first that holds is the reason
 */
public record VerificationSpec(List<Fact> facts, String rule, Map<String, String> reasons) {

    public VerificationSpec {
        facts = facts == null ? List.of() : List.copyOf(facts);
        reasons = reasons == null ? Map.of() : new java.util.LinkedHashMap<>(reasons);
    }

    /**
     * A fact about the subject.
     *
     * @param name       the CEL variable, e.g. {@code deceased}
     * @param resource   the catalog resource read
     * @param matchField its field holding the subject's identifier, e.g. {@code 身份证号}
     * @param function   {@code EXISTS}, {@code COUNT}, {@code SUM}, {@code MIN}, {@code MAX} or {@code FIRST}
     * @param field      the field aggregated (not for {@code EXISTS} and {@code COUNT})
     * @param conditions only rows meeting these count
     */
    public record Fact(String name, String resource, String matchField, String function, String field,
                       List<RowCondition> conditions) {

        public Fact {
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
        }
    }
}
