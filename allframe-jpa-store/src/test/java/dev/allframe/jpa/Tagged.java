package dev.allframe.jpa;

/** An event whose tag JSON-B writes, but cannot read back: it does not know which CharSequence to make. */
public record Tagged(String id, CharSequence tag) {
}
