package dev.banyan.server.demo.internal;

import dev.banyan.server.demo.DemoAccount;
import dev.banyan.server.identity.UserAccounts;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's logins as they really are. An account that existed before the demo keeps its password — above all
 * {@code admin}, when {@code ./banyan serve} ran first on the same data directory and gave it a random one — so
 * the list says which accounts take the demo password and which do not.
 */
public final class DemoLogins {

    private final UserAccounts accounts;

    public DemoLogins(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /** The lines to print under the server's address. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean anyDemoPassword = false;
        List<String> logins = new ArrayList<>();
        for (DemoAccount a : DemoAccounts.printed()) {
            var account = accounts.findByUsername(a.username());
            if (account.isEmpty()) {
                continue;
            }
            String line = String.format("    %-24s %s / %s", a.username(), a.roleEn(), a.roleZh());
            if (!account.get().enabled()) {
                line += "  — disabled / 已停用";
            } else if (accounts.passwordIs(a.username(), DemoAccounts.PASSWORD)) {
                anyDemoPassword = true;
            } else {
                line += "  *";
                notes.add(a.username());
            }
            logins.add(line);
        }
        lines.add(anyDemoPassword
                ? "  Demo logins / 演示账号 (password / 密码: " + DemoAccounts.PASSWORD + "):"
                : "  Demo logins / 演示账号:");
        lines.addAll(logins);
        if (!notes.isEmpty()) {
            lines.add("    * " + String.join(", ", notes) + ": password set before this demo, not " + DemoAccounts.PASSWORD
                    + (notes.contains("admin") ? " (admin's was printed when Banyan first started, or is BANYAN_INITIAL_ADMIN_PASSWORD)" : ""));
            lines.add("      密码在本次演示之前已设置，不是 " + DemoAccounts.PASSWORD
                    + (notes.contains("admin") ? "（admin 的密码已在 Banyan 首次启动时显示，或为 BANYAN_INITIAL_ADMIN_PASSWORD）" : "") + "。");
        }
        return lines;
    }
}
