package dev.banyan.server.share.internal;

import java.util.List;

/**
 * The problems of a submitted form (表单问题), with their messages already in the reader's language, so that a page
 * can show each one next to its field — {@code parameters[1].field} beside the second parameter's field — and all of
 * them at the top. Nothing was changed when a form has problems.
 */
record FormProblems(List<Problem> all) {

    static final FormProblems NONE = new FormProblems(List.of());

    /** One problem: the field at fault as the services name it, and what to do. */
    record Problem(String field, String message) {
    }

    FormProblems {
        all = List.copyOf(all);
    }

    public boolean any() {
        return !all.isEmpty();
    }

    /** The messages of the problems at exactly this field ({@code parameters}, not {@code parameters[0].name}). */
    public List<String> exactly(String field) {
        return all.stream().filter(p -> field.equals(p.field())).map(Problem::message).toList();
    }

    /** The messages of the problems at a field or inside it ({@code parameters[0]} covers {@code parameters[0].name}). */
    public List<String> at(String field) {
        return all.stream().filter(p -> p.field() != null && (p.field().equals(field)
                || p.field().startsWith(field + ".") || p.field().startsWith(field + "["))).map(Problem::message).toList();
    }
}
