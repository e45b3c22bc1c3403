package dev.banyan.server.platform.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.banyan.server.platform.BanyanSettings;
import dev.banyan.server.platform.DatabaseInfo;
import dev.banyan.server.platform.ModuleSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chooses the database: an external PostgreSQL when {@code BANYAN_DB_URL} is set, else the embedded one.
 * The {@link JdbcClient} is only handed out once every module's migrations have run.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    static final String DATABASE = "banyan";

    @Bean(destroyMethod = "close")
    EmbeddedDatabaseHolder embeddedDatabase(BanyanSettings settings) {
        if (settings.db().external()) {
            return EmbeddedDatabaseHolder.none();
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings.embeddedDatabaseDir(),
                settings.db().cleanEmbedded());
        createDatabaseIfMissing(server);
        return new EmbeddedDatabaseHolder(server);
    }

    @Bean
    DatabaseInfo databaseInfo(BanyanSettings settings, EmbeddedDatabaseHolder embedded) {
        if (settings.db().external()) {
            return new DatabaseInfo(settings.db().url(), settings.db().user(), false, -1);
        }
        return new DatabaseInfo(embedded.server().jdbcUrl(DATABASE), "postgres", true, embedded.server().port());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(BanyanSettings settings, DatabaseInfo info) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("banyan");
        config.setJdbcUrl(info.jdbcUrl());
        config.setUsername(info.embedded() ? "postgres" : settings.db().user());
        config.setPassword(info.embedded() ? "" : settings.db().password());
        config.setMaximumPoolSize(20);
        config.addDataSourceProperty("ApplicationName", "banyan");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }

    @Bean
    SchemaMigrations schemaMigrations(DataSource dataSource, List<ModuleSchema> schemas) {
        SchemaMigrations migrations = new SchemaMigrations(dataSource, schemas);
        migrations.migrateAll();
        return migrations;
    }

    @Bean
    JdbcClient jdbcClient(DataSource dataSource, SchemaMigrations migrated) {
        return JdbcClient.create(dataSource);
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource, SchemaMigrations migrated) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    private static void createDatabaseIfMissing(EmbeddedPostgresServer server) {
        try (Connection c = java.sql.DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rs.next()) {
                s.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database '" + DATABASE + "' in the embedded PostgreSQL", e);
        }
    }

    /** Keeps the embedded server's lifecycle tied to the application context. */
    record EmbeddedDatabaseHolder(EmbeddedPostgresServer server) implements AutoCloseable {

        static EmbeddedDatabaseHolder none() {
            return new EmbeddedDatabaseHolder(null);
        }

        @Override
        public void close() throws Exception {
            if (server != null) {
                server.close();
            }
        }
    }
}
