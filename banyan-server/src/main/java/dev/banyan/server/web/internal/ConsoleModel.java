package dev.banyan.server.web.internal;

import dev.banyan.server.web.NavigationItem;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;

/** Puts what the page layout needs into every console page's model: the menu, the version, the language. */
@ControllerAdvice(annotations = Controller.class)
class ConsoleModel {

    private final List<NavigationItem> navigation;
    private final String version;

    ConsoleModel(List<NavigationItem> navigation, ObjectProvider<BuildProperties> build) {
        this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
        BuildProperties properties = build.getIfAvailable();
        this.version = properties == null ? "dev" : properties.getVersion();
    }

    @ModelAttribute("navigation")
    List<NavigationItem> navigation(Authentication authentication) {
        if (authentication == null) {
            return List.of();
        }
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return navigation.stream().filter(item -> item.visibleTo(authorities)).toList();
    }

    @ModelAttribute("banyanVersion")
    String version() {
        return version;
    }

    @ModelAttribute("currentPath")
    String currentPath(jakarta.servlet.http.HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("lang")
    String language() {
        return LocaleContextHolder.getLocale().getLanguage();
    }
}
