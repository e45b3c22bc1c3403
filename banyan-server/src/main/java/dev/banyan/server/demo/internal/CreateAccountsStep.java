package dev.banyan.server.demo.internal;

import dev.banyan.server.demo.DemoProgress;
import dev.banyan.server.demo.DemoStep;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.NewUser;
import dev.banyan.server.identity.UserAccounts;

/** Creates the demo accounts that do not exist yet. */
class CreateAccountsStep implements DemoStep {

    private final UserAccounts accounts;
    private final DepartmentDirectory departments;

    CreateAccountsStep(UserAccounts accounts, DepartmentDirectory departments) {
        this.accounts = accounts;
        this.departments = departments;
    }

    @Override
    public int order() {
        return 130;
    }

    @Override
    public String title() {
        return "Create demo accounts / 创建演示账号";
    }

    @Override
    public void run(DemoProgress progress) {
        var planned = DemoAccounts.planned();
        int created = 0;
        int n = 0;
        for (var p : planned) {
            n++;
            if (accounts.findByUsername(p.username()).isPresent()) {
                continue;
            }
            Long department = p.department() == null ? null : departments.findByCode(p.department()).orElseThrow().id();
            accounts.create(new NewUser(p.username(), p.displayName(), DemoAccounts.PASSWORD, department, p.roles()));
            created++;
            progress.advance(p.username(), n, planned.size());
        }
        progress.report(created + " created, " + accounts.count() + " in all / 新建 " + created + " 个，共 " + accounts.count() + " 个账号");
    }
}
