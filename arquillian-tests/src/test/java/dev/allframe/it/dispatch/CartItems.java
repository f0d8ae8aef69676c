package dev.allframe.it.dispatch;

import dev.allframe.query.Query;
import java.util.List;

public record CartItems(String cartId) implements Query<List<String>> {
}
