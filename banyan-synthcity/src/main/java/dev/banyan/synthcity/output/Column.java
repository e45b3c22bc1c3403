package dev.banyan.synthcity.output;

/**
 * One column of a dataset (字段).
 *
 * @param name    header as the department writes it
 * @param type    value type where the format can carry one
 * @param comment Chinese description for columns whose name is not self-explanatory (database columns), or empty
 */
public record Column(String name, ColumnType type, String comment) {

    public static Column text(String name) {
        return new Column(name, ColumnType.TEXT, "");
    }

    public static Column date(String name) {
        return new Column(name, ColumnType.DATE, "");
    }

    public static Column integer(String name) {
        return new Column(name, ColumnType.INTEGER, "");
    }

    public static Column decimal(String name) {
        return new Column(name, ColumnType.DECIMAL, "");
    }

    public Column comment(String chinese) {
        return new Column(name, type, chinese);
    }
}
