package dev.allframe.core.handler;

/** How far up its class and interface hierarchy a type reaches another: picks the closest handler. */
public final class TypeDistance {

    private TypeDistance() {
    }

    /** Steps from {@code from} up to {@code to}; {@link Integer#MAX_VALUE} when {@code to} is not a supertype. */
    public static int between(Class<?> from, Class<?> to) {
        if (from == null) {
            return Integer.MAX_VALUE;
        }
        if (from == to) {
            return 0;
        }
        int best = Integer.MAX_VALUE;
        for (Class<?> parent : from.getInterfaces()) {
            best = Math.min(best, between(parent, to));
        }
        best = Math.min(best, between(from.getSuperclass(), to));
        return best == Integer.MAX_VALUE ? best : best + 1;
    }
}
