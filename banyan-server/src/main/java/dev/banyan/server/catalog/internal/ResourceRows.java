package dev.banyan.server.catalog.internal;

import dev.banyan.server.catalog.DataDomain;
import dev.banyan.server.catalog.DataGrade;
import dev.banyan.server.catalog.FieldDiff;
import dev.banyan.server.catalog.OpenType;
import dev.banyan.server.catalog.PersonalInformation;
import dev.banyan.server.catalog.Resource;
import dev.banyan.server.catalog.ResourceDraft;
import dev.banyan.server.catalog.ResourceField;
import dev.banyan.server.catalog.ResourceStatus;
import dev.banyan.server.catalog.ResourceVersion;
import dev.banyan.server.catalog.ShareType;
import dev.banyan.server.catalog.UpdateCycle;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The catalog's resources, their fields and their history, in the {@code catalog} schema. */
@Repository
public class ResourceRows {

    private static final String COLUMNS = """
            id, code, name_zh, name_en, provider_id, summary, domain, format, update_cycle, source_system, release_date,
            share_type, share_conditions, share_legal_basis, open_type, grade, status, version, review_comment,
            created_at, updated_at""";

    private final JdbcClient jdbc;

    public ResourceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(ResourceDraft d, ResourceStatus status, Instant now) {
        long id = jdbc.sql("""
                insert into catalog.resource (code, name_zh, name_en, provider_id, summary, domain, format, update_cycle,
                    source_system, release_date, share_type, share_conditions, share_legal_basis, open_type, grade, status,
                    version, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) returning id""")
                .params(d.code(), d.nameZh(), d.nameEn(), d.providerId(), d.summary(), name(d.domain()), d.format(),
                        name(d.updateCycle()), d.sourceSystem(), d.releaseDate(), d.shareType().name(), d.shareConditions(),
                        d.shareLegalBasis(), d.openType().name(), d.grade().name(), status.name(), utc(now), utc(now))
                .query(Long.class).single();
        insertFields(id, d.fields());
        return id;
    }

    public void update(long id, ResourceDraft d, ResourceStatus status, int version, String reviewComment, Instant now) {
        jdbc.sql("""
                update catalog.resource set code = ?, name_zh = ?, name_en = ?, provider_id = ?, summary = ?, domain = ?,
                    format = ?, update_cycle = ?, source_system = ?, release_date = ?, share_type = ?, share_conditions = ?,
                    share_legal_basis = ?, open_type = ?, grade = ?, status = ?, version = ?, review_comment = ?, updated_at = ?
                where id = ?""")
                .params(d.code(), d.nameZh(), d.nameEn(), d.providerId(), d.summary(), name(d.domain()), d.format(),
                        name(d.updateCycle()), d.sourceSystem(), d.releaseDate(), d.shareType().name(), d.shareConditions(),
                        d.shareLegalBasis(), d.openType().name(), d.grade().name(), status.name(), version, reviewComment,
                        utc(now), id)
                .update();
        jdbc.sql("delete from catalog.resource_field where resource_id = ?").param(id).update();
        insertFields(id, d.fields());
    }

    private void insertFields(long id, List<ResourceField> fields) {
        int position = 0;
        for (ResourceField f : fields) {
            jdbc.sql("""
                    insert into catalog.resource_field (resource_id, position, name, data_type, description, is_key,
                        data_element, personal_information, grade, authoritative) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, position++, f.name(), f.type(), f.description(), f.key(), f.dataElement(),
                            f.personalInformation().name(), f.grade().name(), f.authoritative())
                    .update();
        }
    }

    public Optional<Resource> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from catalog.resource where id = ?").param(id)
                .query(this::map).optional();
    }

    public Optional<Resource> findByCode(String code) {
        return jdbc.sql("select " + COLUMNS + " from catalog.resource where code = ?").param(code)
                .query(this::map).optional();
    }

    public List<Resource> all() {
        return withFields(jdbc.sql("select " + COLUMNS + " from catalog.resource order by id").query(this::mapWithoutFields).list());
    }

    public List<Resource> byStatus(ResourceStatus status) {
        return withFields(jdbc.sql("select " + COLUMNS + " from catalog.resource where status = ? order by updated_at, id")
                .param(status.name()).query(this::mapWithoutFields).list());
    }

    public List<Resource> byProvider(long providerId) {
        return withFields(jdbc.sql("select " + COLUMNS + " from catalog.resource where provider_id = ? order by code")
                .param(providerId).query(this::mapWithoutFields).list());
    }

    public int count(ResourceStatus status) {
        return jdbc.sql("select count(*) from catalog.resource where status = ?").param(status.name()).query(Integer.class).single();
    }

    /** The highest serial used for codes with this classification and provider, or 0. */
    public int lastSerial(String classification, String providerCode) {
        return jdbc.sql("select code from catalog.resource where code like ?").param(classification + "-" + providerCode + "-%")
                .query(String.class).list().stream()
                .mapToInt(code -> Integer.parseInt(code.substring(code.lastIndexOf('-') + 1))).max().orElse(0);
    }

    /** Resources with a field carrying this data element. */
    public List<Long> usingElement(String dataElement) {
        return jdbc.sql("select distinct resource_id from catalog.resource_field where data_element = ? order by resource_id")
                .param(dataElement).query(Long.class).list();
    }

    public void recordVersion(long resourceId, int version, String action, String actor, String reason,
                              List<FieldDiff> changes, Instant now) {
        long versionId = jdbc.sql("""
                insert into catalog.resource_version (resource_id, version, action, actor, at, reason)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(resourceId, version, action, actor, utc(now), reason).query(Long.class).single();
        int position = 0;
        for (FieldDiff diff : changes) {
            jdbc.sql("insert into catalog.resource_change (version_id, position, path, before, after) values (?, ?, ?, ?, ?)")
                    .params(versionId, position++, diff.path(), diff.before(), diff.after()).update();
        }
    }

    public List<ResourceVersion> versions(long resourceId) {
        Map<Long, List<FieldDiff>> changes = new LinkedHashMap<>();
        jdbc.sql("""
                select c.version_id, c.path, c.before, c.after from catalog.resource_change c
                join catalog.resource_version v on v.id = c.version_id where v.resource_id = ? order by c.version_id, c.position""")
                .param(resourceId)
                .query((rs, n) -> changes.computeIfAbsent(rs.getLong("version_id"), k -> new ArrayList<>())
                        .add(new FieldDiff(rs.getString("path"), rs.getString("before"), rs.getString("after"))))
                .list();
        return jdbc.sql("select id, resource_id, version, action, actor, at, reason from catalog.resource_version where resource_id = ? order by id desc")
                .param(resourceId)
                .query((rs, n) -> new ResourceVersion(rs.getLong("resource_id"), rs.getInt("version"), rs.getString("action"),
                        rs.getString("actor"), instant(rs, "at"), rs.getString("reason"),
                        List.copyOf(changes.getOrDefault(rs.getLong("id"), List.of()))))
                .list();
    }

    private List<Resource> withFields(List<Resource> resources) {
        if (resources.isEmpty()) {
            return resources;
        }
        Map<Long, List<ResourceField>> fields = new LinkedHashMap<>();
        Long[] ids = resources.stream().map(Resource::id).toArray(Long[]::new);
        jdbc.sql("select * from catalog.resource_field where resource_id = any(?) order by resource_id, position")
                .param(ids)
                .query((rs, n) -> fields.computeIfAbsent(rs.getLong("resource_id"), k -> new ArrayList<>()).add(field(rs)))
                .list();
        return resources.stream().map(r -> withFields(r, fields.getOrDefault(r.id(), List.of()))).toList();
    }

    private static Resource withFields(Resource r, List<ResourceField> fields) {
        return new Resource(r.id(), r.code(), r.nameZh(), r.nameEn(), r.providerId(), r.summary(), r.domain(), r.format(),
                r.updateCycle(), r.sourceSystem(), r.releaseDate(), r.shareType(), r.shareConditions(), r.shareLegalBasis(),
                r.openType(), r.grade(), r.status(), r.version(), r.reviewComment(), List.copyOf(fields), r.createdAt(),
                r.updatedAt());
    }

    private List<ResourceField> fields(long resourceId) {
        return jdbc.sql("select * from catalog.resource_field where resource_id = ? order by position").param(resourceId)
                .query((rs, n) -> field(rs)).list();
    }

    private static ResourceField field(ResultSet rs) throws SQLException {
        return new ResourceField(rs.getString("name"), rs.getString("data_type"), rs.getString("description"),
                rs.getBoolean("is_key"), rs.getString("data_element"),
                PersonalInformation.valueOf(rs.getString("personal_information")), DataGrade.valueOf(rs.getString("grade")),
                rs.getBoolean("authoritative"));
    }

    private Resource map(ResultSet rs, int row) throws SQLException {
        Resource r = mapWithoutFields(rs, row);
        return withFields(r, fields(r.id()));
    }

    private Resource mapWithoutFields(ResultSet rs, int row) throws SQLException {
        return new Resource(rs.getLong("id"), rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getLong("provider_id"), rs.getString("summary"), value(DataDomain.class, rs.getString("domain")),
                rs.getString("format"), value(UpdateCycle.class, rs.getString("update_cycle")), rs.getString("source_system"),
                rs.getObject("release_date", LocalDate.class), ShareType.valueOf(rs.getString("share_type")),
                rs.getString("share_conditions"), rs.getString("share_legal_basis"), OpenType.valueOf(rs.getString("open_type")),
                DataGrade.valueOf(rs.getString("grade")), ResourceStatus.valueOf(rs.getString("status")), rs.getInt("version"),
                rs.getString("review_comment"), List.of(), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
