package dev.allframe.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every mapped field of the store's entities is private, so that it changes only through the entity's own methods. A
 * provider that enhances entities for dirty tracking (Quarkus's Hibernate ORM always does) records a change made
 * there and misses one made to the field from another class: such an update of a found row is never written.
 */
class EntityFieldsTest {

    private static final Pattern ENTITY = Pattern.compile("<entity class=\"([\\w.]+)\"");

    @Test
    void everyMappedFieldOfEveryEntityIsPrivate() throws Exception {
        List<Class<?>> entities = entities();
        List<String> open = new ArrayList<>();
        for (Class<?> entity : entities) {
            for (Field field : entity.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isPrivate(modifiers)) {
                    open.add(entity.getSimpleName() + "." + field.getName());
                }
            }
        }

        assertThat(entities).extracting(Class::getSimpleName).contains("SagaRow", "SagaStepRow", "CheckpointRow");
        assertThat(open).isEmpty();
    }

    /** The entities the store's mapping file lists. */
    private static List<Class<?>> entities() throws IOException, ClassNotFoundException {
        String mapping;
        try (InputStream in = EntityFieldsTest.class.getResourceAsStream("/META-INF/allframe-orm.xml")) {
            mapping = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Class<?>> entities = new ArrayList<>();
        Matcher entity = ENTITY.matcher(mapping);
        while (entity.find()) {
            entities.add(Class.forName(entity.group(1)));
        }
        return entities;
    }
}
