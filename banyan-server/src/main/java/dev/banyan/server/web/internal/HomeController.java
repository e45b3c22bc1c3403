package dev.banyan.server.web.internal;

import dev.banyan.server.web.HomeFigure;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what Banyan is, what is in it, and what to do next for the signed-in role. */
@Controller
class HomeController {

    private final List<HomeFigure> figures;

    HomeController(List<HomeFigure> figures) {
        this.figures = figures.stream().sorted(Comparator.comparingInt(HomeFigure::order)).toList();
    }

    @GetMapping("/")
    String home(Model model, Authentication authentication) {
        model.addAttribute("figures", figures.stream()
                .map(f -> new ShownFigure(f.labelCode(), f.value().getAsLong())).toList());
        var roles = authentication.getAuthorities().stream().map(a -> a.getAuthority()).toList();
        model.addAttribute("nextStep", roles.contains("ROLE_PLATFORM_ADMIN") ? "home.next.admin"
                : roles.contains("ROLE_DEPARTMENT_DEVELOPER") || roles.contains("ROLE_CHIEF_DATA_OFFICER")
                ? "home.next.developer" : "home.next.other");
        return "home";
    }

    record ShownFigure(String labelCode, long value) {
    }
}
