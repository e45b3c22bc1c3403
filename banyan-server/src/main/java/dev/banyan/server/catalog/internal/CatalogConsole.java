package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.CatalogActor;
import dev.banyan.server.catalog.CatalogPermissionException;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ResourceStatus;
import dev.banyan.server.identity.Department;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.Role;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the console pages show each person — which buttons, which departments to choose from — mirroring the
 * rules that the services enforce; and the error page for a refused action.
 */
@ControllerAdvice(assignableTypes = {CatalogBrowserPage.class, ResourcePage.class, ReviewPage.class, DemandBoardPage.class,
        DataElementsPage.class})
class CatalogConsole {

    private final MessageSource messages;

    CatalogConsole(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler
    @ResponseStatus(HttpStatus.FORBIDDEN)
    ModelAndView forbidden(CatalogPermissionException e) {
        ModelAndView view = new ModelAndView("error");
        view.addObject("problem", messages.getMessage(e.messageCode(), e.arguments(), e.messageCode(), LocaleContextHolder.getLocale()));
        view.addObject("status", 403);
        return view;
    }

    static boolean canDraft(CatalogActor a) {
        return a.isAdmin() || a.departmentId() != null && (a.has(Role.DATA_LIAISON) || a.has(Role.CHIEF_DATA_OFFICER));
    }

    static boolean canEdit(CatalogActor a, Resource r) {
        return switch (r.status()) {
            case DRAFT -> a.isAdmin() || canDraft(a) && a.belongsTo(r.providerId());
            case PENDING_REVIEW, PUBLISHED -> a.isAdmin();
            case RETIRED -> false;
        };
    }

    static boolean canSubmit(CatalogActor a, Resource r) {
        return r.status() == ResourceStatus.DRAFT
                && (a.isAdmin() || a.has(Role.CHIEF_DATA_OFFICER) && a.belongsTo(r.providerId()));
    }

    static boolean canRetire(CatalogActor a, Resource r) {
        return r.status() == ResourceStatus.PUBLISHED
                && (a.isAdmin() || a.has(Role.CHIEF_DATA_OFFICER) && a.belongsTo(r.providerId()));
    }

    static List<Department> draftableDepartments(CatalogActor a, DepartmentDirectory departments) {
        if (a.isAdmin()) {
            return departments.all();
        }
        return canDraft(a) ? List.of(departments.get(a.departmentId())) : List.of();
    }
}
