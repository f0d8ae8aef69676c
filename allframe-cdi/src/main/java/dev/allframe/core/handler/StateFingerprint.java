package dev.allframe.core.handler;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short digest of a state class's name and shape (record components, or instance fields, with their
 * generic types). A snapshot carries the fingerprint of the class that wrote it and is ignored once the
 * class has changed, so that an old snapshot is never read into a new shape.
 */
final class StateFingerprint {

    private StateFingerprint() {
    }

    static String of(Class<?> type) {
        StringBuilder shape = new StringBuilder(type.getName());
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                shape.append(';').append(component.getName()).append(':').append(component.getGenericType().getTypeName());
            }
        } else {
            for (Field field : Reflection.declaredFields(type)) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)) {
                    shape.append(';').append(field.getDeclaringClass().getName()).append('.').append(field.getName())
                            .append(':').append(field.getGenericType().getTypeName());
                }
            }
        }
        return type.getSimpleName() + ":" + digest(shape.toString());
    }

    private static String digest(String shape) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(shape.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
