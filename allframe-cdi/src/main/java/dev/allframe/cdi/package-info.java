/**
 * Internal: the portable CDI extension. It collects handler methods, reports deployment problems and
 * registers AllFrame's beans; the work itself happens in {@code dev.allframe.core}.
 */
package dev.allframe.cdi;
