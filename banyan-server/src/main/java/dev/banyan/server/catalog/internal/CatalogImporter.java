package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.CatalogActor;
import dev.banyan.server.catalog.CatalogPermissionException;
import dev.banyan.server.platform.InputProblem;
import dev.banyan.server.platform.InvalidInputException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.util.CellReference;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a department's catalog from a workbook, all or nothing: every resource is drafted in one transaction,
 * which is rolled back when any row or cell is bad — and then every bad one is reported.
 */
@Component
public class CatalogImporter {

    private static final Pattern FIELD_ERROR = Pattern.compile("fields\\[(\\d+)]\\.(\\w+)");

    private final Catalog catalog;
    private final CatalogWorkbook workbook;
    private final TransactionTemplate transactions;

    CatalogImporter(Catalog catalog, MessageSource messages, PlatformTransactionManager transactions) {
        this.catalog = catalog;
        this.workbook = new CatalogWorkbook(messages);
        this.transactions = new TransactionTemplate(transactions);
    }

    public ImportReport importWorkbook(CatalogActor actor, long providerId, InputStream in) {
        CatalogWorkbook.Parsed parsed = workbook.read(in, providerId);
        List<ImportProblem> problems = new ArrayList<>(parsed.problems());
        List<String> created = new ArrayList<>();
        transactions.executeWithoutResult(tx -> {
            for (CatalogWorkbook.ParsedResource r : parsed.resources()) {
                try {
                    created.add(catalog.draft(actor, r.draft()).code());
                } catch (InvalidInputException e) {
                    for (InputProblem p : e.problems()) {
                        ImportProblem located = locate(r, p);
                        // A cell the workbook reader already reported (e.g. an unreadable value) is not reported twice.
                        if (problems.stream().noneMatch(q -> q.sameCell(located))) {
                            problems.add(located);
                        }
                    }
                } catch (CatalogPermissionException e) {
                    problems.add(new ImportProblem(CatalogWorkbook.RESOURCES, r.row(), "", e.messageCode(), e.arguments()));
                }
            }
            if (!problems.isEmpty()) {
                tx.setRollbackOnly();
            }
        });
        return problems.isEmpty() ? new ImportReport(created, List.of())
                : new ImportReport(List.of(), problems.stream().sorted(ImportProblem.IN_WORKBOOK_ORDER).toList());
    }

    /** Points a refusal of the catalog at the cell it is about. */
    private static ImportProblem locate(CatalogWorkbook.ParsedResource r, InputProblem p) {
        Matcher m = FIELD_ERROR.matcher(p.field());
        if (m.matches() && Integer.parseInt(m.group(1)) < r.fieldRows().size()) {
            Integer column = CatalogWorkbook.FIELD_COLUMNS.get(m.group(2));
            return new ImportProblem(CatalogWorkbook.FIELDS, r.fieldRows().get(Integer.parseInt(m.group(1))),
                    column == null ? "" : CellReference.convertNumToColString(column), p.messageCode(), p.arguments());
        }
        Integer column = CatalogWorkbook.RESOURCE_COLUMNS.get(p.field());
        return new ImportProblem(CatalogWorkbook.RESOURCES, r.row(),
                column == null ? "" : CellReference.convertNumToColString(column), p.messageCode(), p.arguments());
    }

    public byte[] template() {
        return workbook.template();
    }

    public CatalogWorkbook workbook() {
        return workbook;
    }
}
