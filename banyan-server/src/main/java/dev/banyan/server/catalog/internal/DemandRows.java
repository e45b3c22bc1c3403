package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.DemandAnswer;
import dev.banyan.server.catalog.DemandAnswerKind;
import dev.banyan.server.catalog.DemandRequest;
import dev.banyan.server.catalog.NewDemand;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The demand list's requests and answers. */
@Repository
public class DemandRows {

    private final JdbcClient jdbc;

    public DemandRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long requester, Long owner, NewDemand d, String actor, Instant filedAt, Instant deadline) {
        return jdbc.sql("""
                insert into catalog.demand_request (requester_id, owner_id, resource_id, title, purpose, legal_basis, filed_by,
                    filed_at, deadline) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(requester, owner, d.resourceId(), d.title().strip(), d.purpose().strip(), d.legalBasis().strip(), actor,
                        ResourceRows.utc(filedAt), ResourceRows.utc(deadline))
                .query(Long.class).single();
    }

    public void answer(long id, DemandAnswer a, String actor, Instant at) {
        jdbc.sql("""
                update catalog.demand_request set answer = ?, answer_resource_id = ?, answer_publish_by = ?, answer_reason = ?,
                    answered_by = ?, answered_at = ? where id = ?""")
                .params(a.kind().name(), a.resourceId(), a.publishBy(), a.reason(), actor, ResourceRows.utc(at), id).update();
    }

    public Optional<DemandRequest> find(long id) {
        return jdbc.sql("select * from catalog.demand_request where id = ?").param(id).query(DemandRows::map).optional();
    }

    public List<DemandRequest> all() {
        return jdbc.sql("select * from catalog.demand_request order by filed_at desc, id desc").query(DemandRows::map).list();
    }

    public List<DemandRequest> involving(long department) {
        return jdbc.sql("select * from catalog.demand_request where requester_id = ? or owner_id = ? order by filed_at desc, id desc")
                .params(department, department).query(DemandRows::map).list();
    }

    public List<DemandRequest> aboutResource(long resourceId) {
        return jdbc.sql("select * from catalog.demand_request where resource_id = ? or answer_resource_id = ? order by filed_at desc")
                .params(resourceId, resourceId).query(DemandRows::map).list();
    }

    private static DemandRequest map(ResultSet rs, int row) throws SQLException {
        String answer = rs.getString("answer");
        return new DemandRequest(rs.getLong("id"), rs.getLong("requester_id"), rs.getObject("owner_id", Long.class),
                rs.getObject("resource_id", Long.class), rs.getString("title"), rs.getString("purpose"),
                rs.getString("legal_basis"), rs.getString("filed_by"), ResourceRows.instant(rs, "filed_at"),
                ResourceRows.instant(rs, "deadline"), answer == null ? null : DemandAnswerKind.valueOf(answer),
                rs.getObject("answer_resource_id", Long.class), rs.getObject("answer_publish_by", LocalDate.class),
                rs.getString("answer_reason"), rs.getString("answered_by"), ResourceRows.instant(rs, "answered_at"));
    }
}
