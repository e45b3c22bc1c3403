package dev.banyan.server.platform;

/**
 * Where the running Banyan keeps its data, for people who want to connect with psql or JDBC.
 *
 * @param jdbcUrl  JDBC URL of the Banyan database
 * @param user     database user
 * @param embedded whether it is the embedded PostgreSQL started by Banyan
 * @param port     TCP port on localhost (embedded), or -1
 */
public record DatabaseInfo(String jdbcUrl, String user, boolean embedded, int port) {

    /** A JDBC URL for another database on the same server, e.g. a department's own source database. */
    public String jdbcUrlFor(String database) {
        int slash = jdbcUrl.lastIndexOf('/');
        int query = jdbcUrl.indexOf('?', slash);
        return jdbcUrl.substring(0, slash + 1) + database + (query < 0 ? "" : jdbcUrl.substring(query));
    }
}
