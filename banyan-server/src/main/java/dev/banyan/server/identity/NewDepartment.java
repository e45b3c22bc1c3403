package dev.banyan.server.identity;

/** What is needed to register a department; validated by {@link DepartmentDirectory#register}. */
public record NewDepartment(String code, String nameZh, String nameEn, String creditCode,
                            DepartmentLevel level, Long parentId) {
}
