package dev.banyan.server.identity;

import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.platform.NotFoundException;
import dev.banyan.standards.UnifiedSocialCreditCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The city's departments (部门目录): register them and look them up. */
@Service
public class DepartmentDirectory {

    private static final String COLUMNS = "id, code, name_zh, name_en, credit_code, level, parent_id, created_at";

    private final JdbcClient jdbc;

    public DepartmentDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Registers a department after checking every field.
     *
     * @throws InvalidInputException naming the first field at fault; nothing is stored then
     */
    @Transactional
    public Department register(NewDepartment d) {
        if (d.code() == null || !d.code().matches("[a-z][a-z0-9-]{1,31}")) {
            throw new InvalidInputException("code", "error.department.code.format");
        }
        if (isBlank(d.nameZh())) {
            throw new InvalidInputException("nameZh", "error.required");
        }
        if (isBlank(d.nameEn())) {
            throw new InvalidInputException("nameEn", "error.required");
        }
        var credit = UnifiedSocialCreditCode.parse(d.creditCode());
        if (!credit.isValid()) {
            throw new InvalidInputException("creditCode", "error.department.creditCode.invalid", credit.problem());
        }
        if (d.level() == null) {
            throw new InvalidInputException("level", "error.required");
        }
        if (d.parentId() != null && find(d.parentId()).isEmpty()) {
            throw new InvalidInputException("parentId", "error.department.parent.unknown", d.parentId());
        }
        if (findByCode(d.code()).isPresent()) {
            throw new InvalidInputException("code", "error.department.code.taken", d.code());
        }
        String creditCode = credit.value().value();
        if (jdbc.sql("select count(*) from identity.department where credit_code = ?").param(creditCode)
                .query(Integer.class).single() > 0) {
            throw new InvalidInputException("creditCode", "error.department.creditCode.taken", creditCode);
        }
        long id = jdbc.sql("""
                insert into identity.department (code, name_zh, name_en, credit_code, level, parent_id)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(d.code(), d.nameZh().strip(), d.nameEn().strip(), creditCode, d.level().name(), d.parentId())
                .query(Long.class).single();
        return get(id);
    }

    public Optional<Department> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from identity.department where id = ?").param(id)
                .query(DepartmentDirectory::map).optional();
    }

    public Department get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("error.department.notFound", id));
    }

    public Optional<Department> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from identity.department where code = ?").param(code)
                .query(DepartmentDirectory::map).optional();
    }

    public List<Department> all() {
        return jdbc.sql("select " + COLUMNS + " from identity.department order by array_position(array['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP'], level), parent_id nulls first, id")
                .query(DepartmentDirectory::map).list();
    }

    /** Every department by its id, for pages that name the department of many rows. */
    public java.util.Map<Long, Department> byId() {
        return all().stream().collect(java.util.stream.Collectors.toMap(Department::id, d -> d));
    }

    public int count() {
        return jdbc.sql("select count(*) from identity.department").query(Integer.class).single();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static Department map(ResultSet rs, int row) throws SQLException {
        return new Department(rs.getLong("id"), rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getString("credit_code"), DepartmentLevel.valueOf(rs.getString("level")),
                rs.getObject("parent_id", Long.class), instant(rs, "created_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
