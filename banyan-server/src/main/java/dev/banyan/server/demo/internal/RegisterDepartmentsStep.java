package dev.banyan.server.demo.internal;

import dev.banyan.server.demo.DemoProgress;
import dev.banyan.server.demo.DemoStep;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.NewDepartment;

/** Registers Rongcheng's departments that are not registered yet. */
class RegisterDepartmentsStep implements DemoStep {

    private final DepartmentDirectory directory;

    RegisterDepartmentsStep(DepartmentDirectory directory) {
        this.directory = directory;
    }

    @Override
    public int order() {
        return 120;
    }

    @Override
    public String title() {
        return "Register departments / 登记部门";
    }

    @Override
    public void run(DemoProgress progress) {
        int created = 0;
        int position = 0;
        for (var entry : RongchengDepartments.ALL) {
            position++;
            if (directory.findByCode(entry.code()).isPresent()) {
                continue;
            }
            Long parent = entry.parent() == null ? null : directory.findByCode(entry.parent()).orElseThrow().id();
            directory.register(new NewDepartment(entry.code(), entry.nameZh(), entry.nameEn(), entry.creditCode(position),
                    entry.level(), parent));
            created++;
            progress.advance(entry.nameZh(), position, RongchengDepartments.ALL.size());
        }
        progress.report(created + " registered, " + directory.count() + " in all / 新登记 " + created + " 个，共 " + directory.count() + " 个部门");
    }
}
