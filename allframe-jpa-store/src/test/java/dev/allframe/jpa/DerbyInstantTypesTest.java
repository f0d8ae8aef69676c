package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.Test;

class DerbyInstantTypesTest {

    @Test
    void derbyUnitsConvertInstantsWithACalendarPerCall() {
        assertThat(utcTimestampType(TestDatabase.DERBY)).endsWith("DerbyInstantTypes$PerCallUtcTimestampJdbcType");
        assertThat(utcTimestampType(TestDatabase.H2)).doesNotContain("DerbyInstantTypes");
    }

    private static String utcTimestampType(TestDatabase database) {
        return database.factory().unwrap(SessionFactoryImplementor.class).getTypeConfiguration()
                .getJdbcTypeRegistry().getDescriptor(SqlTypes.TIMESTAMP_UTC).getClass().getName();
    }
}
