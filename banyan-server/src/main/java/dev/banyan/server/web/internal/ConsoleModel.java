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

    /**
     * The menu entry the page belongs to: the longest entry path that the current path starts with (so that
     * {@code /console/ingest/quality} marks its own entry, not also {@code /console/ingest}); null if none.
     */
    @ModelAttribute("activeMenuPath")
    String activeMenuPath(jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI();
        return navigation.stream().map(NavigationItem::path)
                .filter(p -> path.equals(p) || path.startsWith(p.endsWith("/") ? p : p + "/"))
                .max(Comparator.comparingInt(String::length)).orElse(null);
    }

    /**
     * The current query without {@code lang}, URL-encoded and ending in {@code &} when not empty, so that switching
     * the language keeps the page's filters (e.g. the resource of the quarantine).
     */
    @ModelAttribute("queryWithoutLang")
    String queryWithoutLang(jakarta.servlet.http.HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return "";
        }
        StringBuilder query = new StringBuilder();
        request.getParameterMap().forEach((name, values) -> {
            if (!"lang".equals(name) && !"_csrf".equals(name)) {
                for (String v : values) {
                    query.append(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                            .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)).append('&');
                }
            }
        });
        return query.toString();
    }

    @ModelAttribute("lang")
    String language() {
        return LocaleContextHolder.getLocale().getLanguage();
    }
}
