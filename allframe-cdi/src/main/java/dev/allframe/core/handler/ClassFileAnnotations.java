package dev.allframe.core.handler;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;

/**
 * The annotation types a class's own class file applies to it, its fields, methods, parameters, record components
 * and the types they use, read from its bytes. Reflection leaves out every annotation whose class cannot be loaded;
 * the class file still names it. Only read when such an annotation is suspected, so that it costs nothing otherwise.
 */
public final class ClassFileAnnotations {

    private static final int UTF8 = 1;
    private static final int LONG = 5;
    private static final int DOUBLE = 6;

    private final DataInputStream in;
    private final String[] utf8;
    private final Set<String> types = new TreeSet<>();

    private ClassFileAnnotations(byte[] bytes) throws IOException {
        in = new DataInputStream(new ByteArrayInputStream(bytes));
        in.skipBytes(8);
        utf8 = new String[in.readUnsignedShort()];
        readConstantPool();
    }

    /**
     * The binary names of the annotation types that {@code type}'s class file and those of its superclasses apply,
     * of those whose names start with {@code prefix} ({@code jakarta.validation.}); none when a class file cannot be
     * read.
     */
    public static Set<String> named(Class<?> type, String prefix) {
        Set<String> found = new TreeSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            of(c).stream().filter(name -> name.startsWith(prefix)).forEach(found::add);
        }
        return found;
    }

    /** Every annotation type {@code type}'s own class file applies, by binary name. */
    static Set<String> of(Class<?> type) {
        try (InputStream stream = type.getResourceAsStream("/" + type.getName().replace('.', '/') + ".class")) {
            if (stream == null) {
                return Set.of();
            }
            ClassFileAnnotations reader = new ClassFileAnnotations(stream.readAllBytes());
            reader.readMembersAndAttributes();
            return reader.types;
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }

    private void readConstantPool() throws IOException {
        for (int i = 1; i < utf8.length; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case UTF8 -> utf8[i] = in.readUTF();
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case LONG, DOUBLE -> {
                    in.skipBytes(8);
                    i++;
                }
                default -> throw new IOException("constant pool tag " + tag);
            }
        }
    }

    private void readMembersAndAttributes() throws IOException {
        in.skipBytes(6);
        in.skipBytes(2 * in.readUnsignedShort());
        for (int members = 0; members < 2; members++) {
            int count = in.readUnsignedShort();
            for (int i = 0; i < count; i++) {
                in.skipBytes(6);
                readAttributes();
            }
        }
        readAttributes();
    }

    private void readAttributes() throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            String name = utf8[in.readUnsignedShort()];
            int length = in.readInt();
            switch (name) {
                case "RuntimeVisibleAnnotations" -> readAnnotations();
                case "RuntimeVisibleParameterAnnotations" -> {
                    int parameters = in.readUnsignedByte();
                    for (int p = 0; p < parameters; p++) {
                        readAnnotations();
                    }
                }
                case "RuntimeVisibleTypeAnnotations" -> readTypeAnnotations();
                case "Record" -> {
                    int components = in.readUnsignedShort();
                    for (int c = 0; c < components; c++) {
                        in.skipBytes(4);
                        readAttributes();
                    }
                }
                default -> in.skipBytes(length);
            }
        }
    }

    private void readAnnotations() throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            readAnnotation();
        }
    }

    private void readAnnotation() throws IOException {
        String descriptor = utf8[in.readUnsignedShort()];
        if (descriptor.startsWith("L") && descriptor.endsWith(";")) {
            types.add(descriptor.substring(1, descriptor.length() - 1).replace('/', '.'));
        }
        int pairs = in.readUnsignedShort();
        for (int i = 0; i < pairs; i++) {
            in.skipBytes(2);
            readElementValue();
        }
    }

    private void readElementValue() throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case 'e' -> in.skipBytes(4);
            case '@' -> readAnnotation();
            case '[' -> {
                int values = in.readUnsignedShort();
                for (int i = 0; i < values; i++) {
                    readElementValue();
                }
            }
            default -> in.skipBytes(2);
        }
    }

    /** A type annotation: where it is (its target and path in the type), then the annotation itself. */
    private void readTypeAnnotations() throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            int target = in.readUnsignedByte();
            switch (target) {
                case 0x00, 0x01, 0x16 -> in.skipBytes(1);
                case 0x10, 0x17, 0x42, 0x43, 0x44, 0x45, 0x46 -> in.skipBytes(2);
                case 0x11, 0x12 -> in.skipBytes(2);
                case 0x13, 0x14, 0x15 -> {
                }
                case 0x40, 0x41 -> in.skipBytes(6 * in.readUnsignedShort());
                case 0x47, 0x48, 0x49, 0x4A, 0x4B -> in.skipBytes(3);
                default -> throw new IOException("type annotation target " + target);
            }
            in.skipBytes(2 * in.readUnsignedByte());
            readAnnotation();
        }
    }
}
