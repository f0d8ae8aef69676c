package dev.allframe.jpa.internal;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.TimeZone;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.descriptor.ValueBinder;
import org.hibernate.type.descriptor.ValueExtractor;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.descriptor.jdbc.BasicBinder;
import org.hibernate.type.descriptor.jdbc.BasicExtractor;
import org.hibernate.type.descriptor.jdbc.TimestampUtcAsJdbcTimestampJdbcType;

/**
 * On Apache Derby, which has no time zone in its timestamps, Hibernate 6.6 writes and reads UTC instants
 * through one {@link Calendar} shared by all threads, and Derby's driver changes the calendars it is
 * given: concurrent appends then fail ("date/time value is out of range") or read wrong times. This
 * contribution, active only on Derby, does the same conversion with a calendar per call.
 */
public final class DerbyInstantTypes implements TypeContributor {

    @Override
    public void contribute(TypeContributions contributions, ServiceRegistry registry) {
        if (HibernateJdbc.isDerby(registry.requireService(JdbcServices.class).getDialect())) {
            contributions.contributeJdbcType(new PerCallUtcTimestampJdbcType());
        }
    }

    /** UTC instants in a {@code TIMESTAMP} column, with a new UTC calendar for every value. */
    static final class PerCallUtcTimestampJdbcType extends TimestampUtcAsJdbcTimestampJdbcType {

        private static Calendar utc() {
            return Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        }

        @Override
        public <X> ValueBinder<X> getBinder(JavaType<X> javaType) {
            return new BasicBinder<>(javaType, this) {
                @Override
                protected void doBind(PreparedStatement st, X value, int index, WrapperOptions options)
                        throws SQLException {
                    st.setTimestamp(index, Timestamp.from(javaType.unwrap(value, Instant.class, options)), utc());
                }

                @Override
                protected void doBind(CallableStatement st, X value, String name, WrapperOptions options)
                        throws SQLException {
                    st.setTimestamp(name, Timestamp.from(javaType.unwrap(value, Instant.class, options)), utc());
                }
            };
        }

        @Override
        public <X> ValueExtractor<X> getExtractor(JavaType<X> javaType) {
            return new BasicExtractor<>(javaType, this) {
                @Override
                protected X doExtract(ResultSet rs, int paramIndex, WrapperOptions options) throws SQLException {
                    return wrap(rs.getTimestamp(paramIndex, utc()), options);
                }

                @Override
                protected X doExtract(CallableStatement statement, int index, WrapperOptions options)
                        throws SQLException {
                    return wrap(statement.getTimestamp(index, utc()), options);
                }

                @Override
                protected X doExtract(CallableStatement statement, String name, WrapperOptions options)
                        throws SQLException {
                    return wrap(statement.getTimestamp(name, utc()), options);
                }

                private X wrap(Timestamp timestamp, WrapperOptions options) {
                    return getJavaType().wrap(timestamp == null ? null : timestamp.toInstant(), options);
                }
            };
        }
    }
}
