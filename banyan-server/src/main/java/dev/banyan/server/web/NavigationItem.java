package dev.banyan.server.web;

import java.util.Set;

/**
 * An entry of the console's menu (导航菜单), contributed as a bean by the module that owns the page.
 * The home page shows the same entries as cards, with their descriptions.
 *
 * @param path           where the entry leads, e.g. {@code /console/departments}
 * @param titleCode      message code of the menu label
 * @param descriptionCode message code of the one-line description on the home page
 * @param order          position in the menu, lower first
 * @param roles          roles (without {@code ROLE_}) that see the entry; empty means every signed-in user
 */
public record NavigationItem(String path, String titleCode, String descriptionCode, int order, Set<String> roles) {

    public boolean visibleTo(java.util.Collection<String> authorities) {
        return roles.isEmpty() || roles.stream().anyMatch(r -> authorities.contains("ROLE_" + r));
    }
}
