package dev.banyan.server.share.internal;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import java.math.BigDecimal;

/**
 * The type of a verification fact as a CEL rule sees it (核验事实类型), derived from its function and the PostgreSQL
 * type of the field it aggregates: a fact over no rows is the type's zero value, so that a rule never meets a null.
 */
enum FactType {
    BOOL(SimpleType.BOOL, Boolean.FALSE),
    INT(SimpleType.INT, 0L),
    DOUBLE(SimpleType.DOUBLE, 0.0d),
    /** Text, and dates and times as ISO text ({@code YYYY-MM-DD}), which compare in time order. */
    STRING(SimpleType.STRING, "");

    private final CelType celType;
    private final Object zero;

    FactType(CelType celType, Object zero) {
        this.celType = celType;
        this.zero = zero;
    }

    CelType celType() {
        return celType;
    }

    Object zero() {
        return zero;
    }

    /** The fact type of a value of this PostgreSQL type, or null if a rule cannot use it. */
    static FactType ofSql(String sqlType) {
        return switch (sqlType) {
            case "boolean" -> BOOL;
            case "bigint", "integer", "smallint" -> INT;
            case "numeric", "double precision", "real" -> DOUBLE;
            case "text", "date", "timestamptz", "timestamp without time zone", "time without time zone" -> STRING;
            default -> null;
        };
    }

    /** A value read from JDBC as CEL wants it (Long, Double, Boolean, String); null becomes the zero value. */
    Object fromJdbc(Object value) {
        if (value == null) {
            return zero;
        }
        return switch (this) {
            case BOOL -> value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString());
            case INT -> value instanceof Number n ? (Object) n.longValue() : Long.parseLong(value.toString());
            case DOUBLE -> value instanceof BigDecimal d ? (Object) d.doubleValue()
                    : value instanceof Number n ? (Object) n.doubleValue() : Double.parseDouble(value.toString());
            case STRING -> value.toString();
        };
    }
}
