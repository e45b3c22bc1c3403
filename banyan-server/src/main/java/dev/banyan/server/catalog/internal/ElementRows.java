package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.DataAuthority;
import dev.banyan.server.catalog.DataAuthorityChange;
import dev.banyan.server.catalog.DataElement;
import dev.banyan.server.catalog.SubjectType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Data elements and their authoritative sources, with the history of every assignment. */
@Repository
public class ElementRows {

    private final JdbcClient jdbc;

    public ElementRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<DataElement> all() {
        return jdbc.sql("select * from catalog.data_element order by code").query(ElementRows::element).list();
    }

    public Optional<DataElement> find(String code) {
        return jdbc.sql("select * from catalog.data_element where code = ?").param(code).query(ElementRows::element).optional();
    }

    public void insert(DataElement e) {
        jdbc.sql("""
                insert into catalog.data_element (code, name_zh, name_en, data_type, format, standard, subject_type, aliases)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.code(), e.nameZh(), e.nameEn(), e.type(), e.format(), e.standard(), e.subjectType().name(),
                        e.aliases() == null ? "" : e.aliases())
                .update();
    }

    public Optional<DataAuthority> authority(String element, SubjectType subject) {
        return jdbc.sql("select * from catalog.data_authority where data_element = ? and subject_type = ?")
                .params(element, subject.name()).query(ElementRows::authority).optional();
    }

    public List<DataAuthority> authorities() {
        return jdbc.sql("select * from catalog.data_authority order by data_element, subject_type").query(ElementRows::authority).list();
    }

    public void assign(String element, SubjectType subject, Long previous, long department, String actor, String reason, Instant now) {
        jdbc.sql("""
                insert into catalog.data_authority (data_element, subject_type, department_id, assigned_by, assigned_at, reason)
                values (?, ?, ?, ?, ?, ?)
                on conflict (data_element, subject_type) do update set department_id = excluded.department_id,
                    assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at, reason = excluded.reason""")
                .params(element, subject.name(), department, actor, ResourceRows.utc(now), reason).update();
        jdbc.sql("""
                insert into catalog.data_authority_history (data_element, subject_type, previous_department_id, department_id,
                    changed_by, changed_at, reason) values (?, ?, ?, ?, ?, ?, ?)""")
                .params(element, subject.name(), previous, department, actor, ResourceRows.utc(now), reason).update();
    }

    public List<DataAuthorityChange> history(String element, SubjectType subject) {
        return jdbc.sql("select * from catalog.data_authority_history where data_element = ? and subject_type = ? order by id")
                .params(element, subject.name())
                .query((rs, n) -> new DataAuthorityChange(rs.getString("data_element"), SubjectType.valueOf(rs.getString("subject_type")),
                        rs.getObject("previous_department_id", Long.class), rs.getLong("department_id"), rs.getString("changed_by"),
                        ResourceRows.instant(rs, "changed_at"), rs.getString("reason")))
                .list();
    }

    private static DataElement element(ResultSet rs, int row) throws SQLException {
        return new DataElement(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"), rs.getString("data_type"),
                rs.getString("format"), rs.getString("standard"), SubjectType.valueOf(rs.getString("subject_type")),
                rs.getString("aliases"));
    }

    private static DataAuthority authority(ResultSet rs, int row) throws SQLException {
        return new DataAuthority(rs.getString("data_element"), SubjectType.valueOf(rs.getString("subject_type")),
                rs.getLong("department_id"), rs.getString("assigned_by"), ResourceRows.instant(rs, "assigned_at"),
                rs.getString("reason"));
    }
}
