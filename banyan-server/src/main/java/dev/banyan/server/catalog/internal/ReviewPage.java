package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.Catalog;
import dev.banyan.server.catalog.ResourceStatus;
import dev.banyan.server.identity.DepartmentDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The review queue (审核队列): resources that chief data officers submitted, oldest first, for the platform administrator. */
@Controller
@RequestMapping("/console/catalog/review")
class ReviewPage {

    private final Catalog catalog;
    private final DepartmentDirectory departments;

    ReviewPage(Catalog catalog, DepartmentDirectory departments) {
        this.catalog = catalog;
        this.departments = departments;
    }

    @GetMapping
    String queue(Model model) {
        model.addAttribute("pending", catalog.withStatus(ResourceStatus.PENDING_REVIEW));
        model.addAttribute("departmentsById", departments.byId());
        return "catalog/review";
    }
}
