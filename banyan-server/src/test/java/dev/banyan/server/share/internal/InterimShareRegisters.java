package dev.banyan.server.share.internal;

import dev.banyan.server.catalog.ShareType;
import dev.banyan.server.identity.UserAccount;
import dev.banyan.server.share.DataService;
import dev.banyan.server.share.DataServices;
import dev.banyan.server.share.Grant;
import dev.banyan.server.share.Grants;
import dev.banyan.server.share.RowCondition;
import dev.banyan.server.share.ServiceDefinition;
import dev.banyan.server.share.ServiceKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-only {@link Grants} and {@link DataServices} over the share tables, for the subscription tests while the
 * exchange's own implementations are not on this branch: registered only when no bean of the type exists, so they
 * step aside by themselves once the real ones are there.
 */
@Component
class InterimShareRegisters implements BeanDefinitionRegistryPostProcessor {

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        ConfigurableListableBeanFactory factory = (ConfigurableListableBeanFactory) registry;
        if (factory.getBeanNamesForType(Grants.class, true, false).length == 0) {
            registry.registerBeanDefinition("interimGrants", new RootBeanDefinition(TableGrants.class));
        }
        if (factory.getBeanNamesForType(DataServices.class, true, false).length == 0) {
            registry.registerBeanDefinition("interimDataServices", new RootBeanDefinition(TableServices.class));
        }
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    }

    static class TableGrants implements Grants {

        private final JdbcClient jdbc;

        TableGrants(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public Optional<Grant> find(long id) {
            return jdbc.sql("select * from share.access_grant where id = ?").param(id).query(TableGrants::map).optional();
        }

        @Override
        public Optional<Grant> live(String clientId, String serviceCode) {
            return jdbc.sql("select * from share.access_grant where client_id = ? and service_code = ? order by id desc")
                    .params(clientId, serviceCode).query(TableGrants::map).stream()
                    .filter(g -> g.liveAt(java.time.Instant.now())).findFirst();
        }

        @Override
        public List<Grant> ofDepartment(long departmentId) {
            return jdbc.sql("select * from share.access_grant where consumer_department_id = ? order by id desc")
                    .param(departmentId).query(TableGrants::map).list();
        }

        @Override
        public List<Grant> all(int limit) {
            return jdbc.sql("select * from share.access_grant order by id desc limit ?").param(limit).query(TableGrants::map).list();
        }

        @Override
        public Grant revoke(long grantId, UserAccount actor, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Grant renew(long grantId, UserAccount actor, int days) {
            throw new UnsupportedOperationException();
        }

        private static Grant map(ResultSet rs, int n) throws SQLException {
            return new Grant(rs.getLong("id"), rs.getObject("application_id", Long.class), rs.getString("service_code"),
                    rs.getString("client_id"), rs.getLong("consumer_department_id"), rs.getString("purpose"),
                    Set.of((String[]) rs.getArray("fields").getArray()),
                    Arrays.asList(SubscriptionStore.JSON.readValue(rs.getString("row_scope"), RowCondition[].class)),
                    rs.getInt("daily_quota"), rs.getInt("rate_per_second"), rs.getTimestamp("starts_at").toInstant(),
                    rs.getTimestamp("expires_at").toInstant(), Grant.Status.valueOf(rs.getString("status")),
                    rs.getString("revoked_by"), null, rs.getString("revoke_reason"), rs.getString("created_by"),
                    rs.getTimestamp("created_at").toInstant());
        }
    }

    static class TableServices implements DataServices {

        private final JdbcClient jdbc;

        TableServices(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public ServiceDefinition parse(String jsonOrYaml) {
            return SubscriptionStore.JSON.readValue(jsonOrYaml, ServiceDefinition.class);
        }

        @Override
        public DataService publish(ServiceDefinition definition, UserAccount publisher) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void retire(String code, UserAccount actor, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<DataService> current(String code) {
            return jdbc.sql("select * from share.service where code = ? and status = 'PUBLISHED'").param(code)
                    .query(TableServices::map).optional();
        }

        @Override
        public List<DataService> versions(String code) {
            return jdbc.sql("select * from share.service where code = ? order by version desc").param(code)
                    .query(TableServices::map).list();
        }

        @Override
        public List<DataService> published() {
            return jdbc.sql("select * from share.service where status = 'PUBLISHED' order by code").query(TableServices::map).list();
        }

        private static DataService map(ResultSet rs, int n) throws SQLException {
            return new DataService(rs.getLong("id"), rs.getString("code"), rs.getInt("version"),
                    ServiceKind.valueOf(rs.getString("kind")), rs.getString("name_zh"), rs.getString("name_en"),
                    rs.getString("resource_code"), rs.getLong("owner_department_id"),
                    ShareType.valueOf(rs.getString("share_type")),
                    SubscriptionStore.JSON.readValue(rs.getString("definition"), ServiceDefinition.class),
                    DataService.Status.valueOf(rs.getString("status")), rs.getString("created_by"),
                    rs.getTimestamp("created_at").toInstant());
        }
    }
}
