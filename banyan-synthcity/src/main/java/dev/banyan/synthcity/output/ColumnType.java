package dev.banyan.synthcity.output;

/** The type of a column (字段类型) where a format can carry it: Excel cell types and database column types. */
public enum ColumnType {
    TEXT("text"),
    DATE("date"),
    INTEGER("integer"),
    DECIMAL("numeric(14,2)");

    private final String sqlType;

    ColumnType(String sqlType) {
        this.sqlType = sqlType;
    }

    public String sqlType() {
        return sqlType;
    }
}
