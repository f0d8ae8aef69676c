package dev.allframe.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The store's public package names neither Hibernate nor the store's internals in what its users can see:
 * every public or protected constructor, method and field of its public types, their supertypes and type
 * parameters.
 */
class PublicApiTest {

    @Test
    void publicSignaturesNameNoHibernateAndNoInternalType() throws Exception {
        List<Class<?>> api = publicTypes();
        TreeSet<String> leaks = new TreeSet<>();
        for (Class<?> type : api) {
            List<Type> seen = new ArrayList<>();
            seen.add(type.getGenericSuperclass());
            seen.addAll(Arrays.asList(type.getGenericInterfaces()));
            seen.addAll(Arrays.asList(type.getTypeParameters()));
            leaks.addAll(leaks(type.getName(), seen));
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (visible(constructor)) {
                    leaks.addAll(leaks(type.getName() + "(...)", signature(constructor)));
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                if (visible(method) && !method.isSynthetic()) {
                    List<Type> signature = signature(method);
                    signature.add(method.getGenericReturnType());
                    leaks.addAll(leaks(type.getName() + "." + method.getName(), signature));
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (visible(field)) {
                    leaks.addAll(leaks(type.getName() + "." + field.getName(), List.of(field.getGenericType())));
                }
            }
        }

        assertThat(api).extracting(Class::getSimpleName).contains("JpaEventStore", "JpaTransactions",
                "ResourceLocalTransactions", "JtaTransactions");
        assertThat(leaks).isEmpty();
    }

    private static List<Class<?>> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(JpaEventStore.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/allframe/jpa");
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = file.getFileName().toString();
                Class<?> type = Class.forName("dev.allframe.jpa." + name.substring(0, name.length() - 6));
                if (isPublic(type)) {
                    types.add(type);
                }
            }
        }
        return types;
    }

    private static boolean isPublic(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(Member member) {
        return Modifier.isPublic(member.getModifiers()) || Modifier.isProtected(member.getModifiers());
    }

    private static List<Type> signature(Executable executable) {
        List<Type> types = new ArrayList<>(Arrays.asList(executable.getGenericParameterTypes()));
        types.addAll(Arrays.asList(executable.getGenericExceptionTypes()));
        types.addAll(Arrays.asList(executable.getTypeParameters()));
        return types;
    }

    private static List<String> leaks(String site, List<Type> types) {
        List<String> leaks = new ArrayList<>();
        for (Type type : types) {
            for (Class<?> named : named(type, new ArrayList<>())) {
                String name = named.getName();
                if (name.startsWith("org.hibernate.") || name.startsWith("dev.allframe.jpa.internal.")) {
                    leaks.add(site + " names " + name);
                }
            }
        }
        return leaks;
    }

    /** The classes {@code type} names, type arguments, bounds and array components included. */
    private static List<Class<?>> named(Type type, List<Type> visiting) {
        List<Class<?>> named = new ArrayList<>();
        if (type == null || visiting.contains(type)) {
            return named;
        }
        visiting.add(type);
        if (type instanceof Class<?> raw) {
            named.add(raw.isArray() ? raw.getComponentType() : raw);
        } else if (type instanceof ParameterizedType parameterized) {
            named.addAll(named(parameterized.getRawType(), visiting));
            for (Type argument : parameterized.getActualTypeArguments()) {
                named.addAll(named(argument, visiting));
            }
        } else if (type instanceof WildcardType wildcard) {
            Stream.concat(Arrays.stream(wildcard.getUpperBounds()), Arrays.stream(wildcard.getLowerBounds()))
                    .forEach(bound -> named.addAll(named(bound, visiting)));
        } else if (type instanceof TypeVariable<?> variable) {
            Arrays.stream(variable.getBounds()).forEach(bound -> named.addAll(named(bound, visiting)));
        } else if (type instanceof GenericArrayType array) {
            named.addAll(named(array.getGenericComponentType(), visiting));
        }
        return named;
    }
}
