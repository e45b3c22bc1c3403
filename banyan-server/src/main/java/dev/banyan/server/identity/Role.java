package dev.banyan.server.identity;

/**
 * What a person may do in Banyan (角色). Citizen and company accounts come with the services module.
 */
public enum Role {
    /** 平台管理员: runs the platform for the city's big-data bureau. */
    PLATFORM_ADMIN,
    /** 首席数据官: a department's chief data officer, who submits and approves. */
    CHIEF_DATA_OFFICER,
    /** 数据联络员: a department's data liaison, who registers and drafts. */
    DATA_LIAISON,
    /** 部门开发者: a department developer, whose systems call the APIs. */
    DEPARTMENT_DEVELOPER,
    /** 热线坐席: a 12345 hotline agent. */
    HOTLINE_AGENT,
    /** 审计员: reads the evidence log and every record, changes nothing. */
    AUDITOR;

    /** The Spring Security authority name, e.g. {@code ROLE_PLATFORM_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
