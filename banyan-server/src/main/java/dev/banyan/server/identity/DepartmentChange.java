package dev.banyan.server.identity;

/**
 * What the platform administrator may change about a department; validated by {@link DepartmentDirectory#update}.
 * The department's code stays: it is in addresses, access tokens and the codes of its catalog resources.
 */
public record DepartmentChange(String nameZh, String nameEn, String creditCode, DepartmentLevel level, Long parentId) {

    /** The department as it is, to start an edit from. */
    public static DepartmentChange of(Department d) {
        return new DepartmentChange(d.nameZh(), d.nameEn(), d.creditCode(), d.level(), d.parentId());
    }
}
