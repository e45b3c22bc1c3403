package dev.banyan.server.catalog.internal;

import java.util.List;

/** What an import did: the codes of the resources drafted, or — when anything was wrong — nothing and every problem. */
public record ImportReport(List<String> created, List<ImportProblem> problems) {

    public boolean succeeded() {
        return problems.isEmpty();
    }
}
