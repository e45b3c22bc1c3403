package dev.banyan.server.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every module may read, bound from {@code banyan.*} in application.yaml and from
 * {@code BANYAN_*} environment variables (e.g. {@code BANYAN_DB_URL}, {@code BANYAN_DATA_DIR}).
 *
 * @param dataDir where Banyan keeps its embedded database and generated city
 * @param db      the database to use; with no URL an embedded PostgreSQL is started in {@code dataDir/pg}
 */
@ConfigurationProperties("banyan")
public record BanyanSettings(@DefaultValue("./data") Path dataDir, @DefaultValue Db db) {

    /**
     * @param url      JDBC URL of an external PostgreSQL; empty means embedded
     * @param user     user of the external database
     * @param password password of the external database
     * @param cleanEmbedded wipe the embedded database on start (tests)
     */
    public record Db(String url, String user, String password, @DefaultValue("false") boolean cleanEmbedded) {

        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    public Path embeddedDatabaseDir() {
        return dataDir.resolve("pg");
    }

    public Path cityDir() {
        return dataDir.resolve("city");
    }
}
