package dev.banyan.server.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem of a piece of input instead of stopping at the first, then refuses the input with
 * all of them at once ({@link #throwIfAny()}).
 */
public final class InputProblems {

    private final List<InputProblem> problems = new ArrayList<>();

    public InputProblems add(String field, String messageCode, Object... arguments) {
        problems.add(new InputProblem(field, messageCode, arguments));
        return this;
    }

    /** Runs a check that refuses by throwing, and keeps its problems instead of letting it stop the others. */
    public InputProblems check(Runnable check) {
        try {
            check.run();
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        return this;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Whether a problem was already found at this field, so that a check depending on it can be skipped. */
    public boolean at(String field) {
        return problems.stream().anyMatch(p -> java.util.Objects.equals(p.field(), field));
    }

    public List<InputProblem> list() {
        return List.copyOf(problems);
    }

    /** @throws InvalidInputException with every problem collected, when there is any */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
