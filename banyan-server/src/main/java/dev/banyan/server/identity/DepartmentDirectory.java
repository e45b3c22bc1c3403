package dev.banyan.server.identity;

import dev.banyan.server.audit.Evidence;
import dev.banyan.server.audit.EvidenceLog;

import dev.banyan.server.platform.InputProblems;
import dev.banyan.server.platform.InvalidInputException;
import dev.banyan.server.platform.NotFoundException;
import dev.banyan.standards.UnifiedSocialCreditCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The city's departments (部门目录): register them, change them and look them up. */
@Service
public class DepartmentDirectory {

    private static final Logger log = LoggerFactory.getLogger(DepartmentDirectory.class);

    private static final String COLUMNS = "id, code, name_zh, name_en, credit_code, level, parent_id, created_at";

    private final JdbcClient jdbc;
    private final EvidenceLog evidence;

    public DepartmentDirectory(JdbcClient jdbc, EvidenceLog evidence) {
        this.jdbc = jdbc;
        this.evidence = evidence;
    }

    private static Map<String, Object> facts(Department d) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("nameZh", d.nameZh());
        map.put("nameEn", d.nameEn());
        map.put("creditCode", d.creditCode());
        map.put("level", d.level().name());
        if (d.parentId() != null) {
            map.put("parentId", d.parentId());
        }
        return map;
    }

    /**
     * Registers a department after checking every field.
     *
     * @throws InvalidInputException naming every field at fault; nothing is stored then
     */
    @Transactional
    public Department register(NewDepartment d) {
        return register(null, d);
    }

    /** Registers a department as {@link #register(NewDepartment)}, on the record as done by {@code actor} (null: the platform). */
    @Transactional
    public Department register(String actor, NewDepartment d) {
        InputProblems problems = new InputProblems();
        if (d.code() == null || !d.code().matches("[a-z][a-z0-9-]{1,31}")) {
            problems.add("code", "error.department.code.format");
        } else if (findByCode(d.code()).isPresent()) {
            problems.add("code", "error.department.code.taken", d.code());
        }
        String creditCode = check(problems, null, new DepartmentChange(d.nameZh(), d.nameEn(), d.creditCode(), d.level(), d.parentId()));
        problems.throwIfAny();
        long id = jdbc.sql("""
                insert into identity.department (code, name_zh, name_en, credit_code, level, parent_id)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(d.code(), d.nameZh().strip(), d.nameEn().strip(), creditCode, d.level().name(), d.parentId())
                .query(Long.class).single();
        Department registered = get(id);
        evidence.record(Evidence.of("identity.department.registered", actor == null ? "system" : "user:" + actor,
                "department:" + registered.code(), facts(registered)));
        return registered;
    }

    /**
     * Changes a department's names, unified social credit code, level and parent (platform administrator). Its
     * code stays. The parent must exist, be at the same or a higher level, and not be the department itself or
     * one of its own sub-departments.
     *
     * @param actor who changes it, for the record
     * @throws InvalidInputException naming every field at fault; nothing is changed then
     */
    @Transactional
    public Department update(String actor, long id, DepartmentChange c) {
        Department current = get(id);
        InputProblems problems = new InputProblems();
        String creditCode = check(problems, current, c);
        problems.throwIfAny();
        jdbc.sql("update identity.department set name_zh = ?, name_en = ?, credit_code = ?, level = ?, parent_id = ? where id = ?")
                .params(c.nameZh().strip(), c.nameEn().strip(), creditCode, c.level().name(), c.parentId(), id)
                .update();
        Department updated = get(id);
        log.info("Department {} changed by {}: {} -> {}", current.code(), actor, current, updated);
        evidence.record(Evidence.of("identity.department.changed", "user:" + actor, "department:" + current.code(),
                Map.of("before", facts(current), "after", facts(updated))));
        return updated;
    }

    /** Checks what register and update share; returns the normalised credit code. */
    private String check(InputProblems problems, Department current, DepartmentChange c) {
        if (isBlank(c.nameZh())) {
            problems.add("nameZh", "error.required");
        }
        if (isBlank(c.nameEn())) {
            problems.add("nameEn", "error.required");
        }
        var credit = UnifiedSocialCreditCode.parse(c.creditCode());
        String creditCode = null;
        if (!credit.isValid()) {
            problems.add("creditCode", "error.department.creditCode.invalid", credit.problem());
        } else {
            creditCode = credit.value().value();
            if (jdbc.sql("select count(*) from identity.department where credit_code = ? and id <> ?")
                    .params(creditCode, current == null ? -1 : current.id()).query(Integer.class).single() > 0) {
                problems.add("creditCode", "error.department.creditCode.taken", creditCode);
            }
        }
        if (c.level() == null) {
            problems.add("level", "error.required");
        }
        if (c.parentId() != null) {
            Optional<Department> parent = find(c.parentId());
            if (parent.isEmpty()) {
                problems.add("parentId", "error.department.parent.unknown", c.parentId());
            } else if (current != null && isSelfOrBelow(parent.get(), current.id())) {
                problems.add("parentId", "error.department.parent.cycle", parent.get().nameZh());
            } else if (c.level() != null && parent.get().level().compareTo(c.level()) > 0) {
                problems.add("parentId", "error.department.parent.level", parent.get().nameZh(),
                        new DefaultMessageSourceResolvable(new String[] {"level." + parent.get().level()}, parent.get().level().name()));
            }
        }
        return creditCode;
    }

    /** Whether the department is the one with this id or sits somewhere below it. */
    private boolean isSelfOrBelow(Department d, long id) {
        Department at = d;
        for (int depth = 0; at != null && depth < 64; depth++) {
            if (at.id() == id) {
                return true;
            }
            at = at.parentId() == null ? null : find(at.parentId()).orElse(null);
        }
        return false;
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
