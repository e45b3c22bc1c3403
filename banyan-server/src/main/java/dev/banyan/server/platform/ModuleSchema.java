package dev.banyan.server.platform;

/**
 * A database schema owned by one module. Each module declares its schema as a bean; its Flyway
 * migrations live in {@code classpath:db/migration/<schema>} and are applied to that schema alone,
 * with the schema's own history table, so that modules evolve independently and never share tables.
 *
 * @param name  the PostgreSQL schema name, e.g. {@code identity}
 * @param order lower first; a module whose migrations reference another's schema goes after it
 */
public record ModuleSchema(String name, int order) {

    public ModuleSchema {
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("schema name must be lower-case letters, digits and _: " + name);
        }
    }

    public String migrationLocation() {
        return "classpath:db/migration/" + name;
    }
}
