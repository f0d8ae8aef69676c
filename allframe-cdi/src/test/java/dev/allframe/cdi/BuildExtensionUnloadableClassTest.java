package dev.allframe.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.command.CommandHandler;
import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.Messages;
import jakarta.enterprise.inject.build.compatible.spi.ScopeInfo;
import jakarta.enterprise.lang.model.declarations.ClassInfo;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A bean class the build-compatible extension cannot load (its class or a class it needs is missing at build time)
 * fails the build with the class named, when it carries AllFrame's annotations.
 */
class BuildExtensionUnloadableClassTest {

    @Test
    void anUnloadableBeanClassWithAllFramesAnnotationsFailsTheBuildNamingIt() {
        AllFrameBuildExtension extension = new AllFrameBuildExtension();
        ClassInfo gone = fake(ClassInfo.class, Map.of("name", args -> "com.example.Gone",
                "hasAnnotation", args -> args[0] == CommandHandler.class));
        ClassInfo applicationScoped = fake(ClassInfo.class, Map.of("name",
                args -> "jakarta.enterprise.context.ApplicationScoped"));
        ScopeInfo scope = fake(ScopeInfo.class, Map.of("annotation", args -> applicationScoped));
        extension.collect(fake(BeanInfo.class, Map.of("isClassBean", args -> true, "declaringClass", args -> gone,
                "types", args -> List.of(), "scope", args -> scope)));
        List<String> errors = new ArrayList<>();

        extension.validate(fake(Messages.class, Map.of("error", args -> errors.add((String) args[0]))));

        assertThat(errors).containsExactly("AF1000: AllFrame found 1 deployment problem:\n  "
                + "AF1081: Bean class com.example.Gone uses AllFrame's annotations but cannot be loaded to read them:"
                + " java.lang.ClassNotFoundException: com.example.Gone");
    }

    /** An implementation of {@code type} answering the methods named in {@code answers}, and nothing else. */
    private static <T> T fake(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer == null) {
                throw new UnsupportedOperationException(method.toString());
            }
            return answer.apply(args);
        }));
    }
}
