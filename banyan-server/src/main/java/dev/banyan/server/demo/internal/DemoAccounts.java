package dev.banyan.server.demo.internal;

import dev.banyan.server.demo.DemoAccount;
import dev.banyan.server.identity.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The demo's console accounts: one per role, and a chief data officer and liaison for each data provider. */
final class DemoAccounts {

    /** The demo password of every demo account; printed by the demo, never used outside it. */
    static final String PASSWORD = "banyan-demo-2026";

    /** An account to create: department code (or null) and roles. */
    record Planned(String username, String displayName, String department, Set<Role> roles) {
    }

    static List<Planned> planned() {
        List<Planned> accounts = new ArrayList<>();
        accounts.add(new Planned("admin", "平台管理员 Platform Admin", "big-data", Set.of(Role.PLATFORM_ADMIN)));
        accounts.add(new Planned("auditor", "审计员 Auditor", null, Set.of(Role.AUDITOR)));
        accounts.add(new Planned("agent", "热线坐席 Hotline Agent", null, Set.of(Role.HOTLINE_AGENT)));
        for (var d : RongchengDepartments.ALL) {
            if (d.providesData()) {
                accounts.add(new Planned("cdo." + d.code(), d.nameZh() + "首席数据官", d.code(), Set.of(Role.CHIEF_DATA_OFFICER)));
                accounts.add(new Planned("liaison." + d.code(), d.nameZh() + "数据联络员", d.code(), Set.of(Role.DATA_LIAISON)));
            }
        }
        accounts.add(new Planned("dev.civil-affairs", "民政局开发者 Developer", "civil-affairs", Set.of(Role.DEPARTMENT_DEVELOPER)));
        return accounts;
    }

    /** The logins printed at the end of the demo. */
    static List<DemoAccount> printed() {
        return List.of(
                new DemoAccount("admin", PASSWORD, "platform administrator", "平台管理员"),
                new DemoAccount("cdo.civil-affairs", PASSWORD, "chief data officer, civil affairs", "民政局首席数据官"),
                new DemoAccount("liaison.civil-affairs", PASSWORD, "data liaison, civil affairs", "民政局数据联络员"),
                new DemoAccount("dev.civil-affairs", PASSWORD, "department developer, civil affairs", "民政局开发者"),
                new DemoAccount("agent", PASSWORD, "hotline agent", "热线坐席"),
                new DemoAccount("auditor", PASSWORD, "auditor", "审计员"));
    }

    private DemoAccounts() {
    }
}
