package dev.allframe.cdi.features.sagathreads;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.spi.InitialContextFactory;

/**
 * The naming context of an application server, as {@code java.naming.factory.initial}: it has what
 * {@link #bind} put there, and nothing else.
 */
public final class ServerNaming implements InitialContextFactory {

    private static final Hashtable<String, Object> BOUND = new Hashtable<>();

    static void bind(String name, Object value) {
        BOUND.put(name, value);
    }

    static void clear() {
        BOUND.clear();
    }

    @Override
    public Context getInitialContext(Hashtable<?, ?> environment) {
        return (Context) Proxy.newProxyInstance(ServerNaming.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "lookup" -> {
                        Object value = BOUND.get(String.valueOf(args[0]));
                        if (value == null) {
                            throw new NameNotFoundException(args[0] + " is not bound");
                        }
                        yield value;
                    }
                    case "close" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
