package dev.allframe.core.saga;

import dev.allframe.saga.SagaLogEntry;
import dev.allframe.spi.saga.SagaStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.BiConsumer;

/** A saga store that tells of each write the engine asks of it, before passing it on. */
final class SagaStoreWrites {

    private SagaStoreWrites() {
    }

    /**
     * {@code store}, telling {@code writes} of each start ({@code "start"}, with the first entries when it has them)
     * and save ({@code "save"}, with the entries written), on the thread that writes.
     */
    static SagaStore noting(SagaStore store, BiConsumer<String, List<SagaLogEntry>> writes) {
        return (SagaStore) Proxy.newProxyInstance(SagaStore.class.getClassLoader(), new Class<?>[] {SagaStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("start")) {
                        writes.accept("start", args.length > 2 ? entries(args[2]) : List.of());
                    } else if (method.getName().startsWith("save")) {
                        writes.accept("save", entries(args[1]));
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static List<SagaLogEntry> entries(Object entries) {
        List<?> list = entries instanceof List<?> many ? many : entries == null ? List.of() : List.of(entries);
        return list.stream().map(SagaLogEntry.class::cast).toList();
    }
}
