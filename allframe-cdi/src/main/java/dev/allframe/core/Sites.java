package dev.allframe.core;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How messages name the places in user code they are about. */
public final class Sites {

    private Sites() {
    }

    /** {@code com.example.AccountCommands#withdraw(Withdraw, Account)}. */
    public static String of(Method method) {
        return method.getDeclaringClass().getName() + "#" + method.getName()
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
