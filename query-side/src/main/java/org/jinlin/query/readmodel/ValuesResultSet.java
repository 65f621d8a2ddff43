package org.jinlin.query.readmodel;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;

/**
 * One row of values not yet written, seen through {@link ResultSet} so that a projection's {@code RowMapper} reads it
 * as it would read the row from the database. Only the getters by column name that row mappers use are answered,
 * with the conversions the JDBC drivers make; anything else is refused, so a mapper that needs more fails its tests
 * instead of reading a wrong value.
 */
final class ValuesResultSet implements InvocationHandler {

    private final Map<String, Object> columns;
    private boolean lastWasNull;

    private ValuesResultSet(Map<String, Object> columns) {
        this.columns = columns;
    }

    /** A result set positioned on one row; {@code columns} maps lower-case column names to their values. */
    static ResultSet of(Map<String, Object> columns) {
        return (ResultSet) Proxy.newProxyInstance(ValuesResultSet.class.getClassLoader(), new Class<?>[]{ResultSet.class},
                                                  new ValuesResultSet(columns));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("wasNull")) {
            return lastWasNull;
        }
        if (name.equals("close") || name.equals("isClosed")) {
            return name.equals("isClosed") ? Boolean.FALSE : null;
        }
        if (args == null || args.length == 0 || !(args[0] instanceof String column)) {
            throw new SQLFeatureNotSupportedException("pending row: " + name + " by index or without a column");
        }
        String key = column.toLowerCase(Locale.ROOT);
        if (!columns.containsKey(key)) {
            throw new SQLException("pending row has no column " + column);
        }
        Object value = columns.get(key);
        lastWasNull = value == null;
        return switch (name) {
            case "getObject" -> args.length == 2 ? convert(value, (Class<?>) args[1]) : value;
            case "getString" -> value == null ? null : value.toString();
            case "getInt" -> value == null ? 0 : ((Number) value).intValue();
            case "getLong" -> value == null ? 0L : ((Number) value).longValue();
            case "getBoolean" -> value != null && (value instanceof Boolean b ? b : ((Number) value).intValue() != 0);
            case "getBigDecimal" -> value == null ? null : value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
            case "getDate" -> value == null ? null : convert(value, Date.class);
            case "getTimestamp" -> value == null ? null : convert(value, Timestamp.class);
            case "getBytes" -> value;
            default -> throw new SQLFeatureNotSupportedException("pending row: " + name);
        };
    }

    private static Object convert(Object value, Class<?> type) throws SQLException {
        if (value == null || type.isInstance(value)) {
            return value;
        }
        if (type == Integer.class && value instanceof Number n) {
            return n.intValue();
        }
        if (type == Long.class && value instanceof Number n) {
            return n.longValue();
        }
        if (type == String.class) {
            return value.toString();
        }
        if (type == LocalDate.class && value instanceof Date d) {
            return d.toLocalDate();
        }
        if (type == Date.class && value instanceof LocalDate d) {
            return Date.valueOf(d);
        }
        if (type == Timestamp.class && value instanceof OffsetDateTime t) {
            return Timestamp.from(t.toInstant());
        }
        throw new SQLException("pending row: cannot read a " + value.getClass().getSimpleName() + " as " + type.getSimpleName());
    }
}
