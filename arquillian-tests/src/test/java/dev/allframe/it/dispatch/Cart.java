package dev.allframe.it.dispatch;

import dev.allframe.command.Apply;
import dev.allframe.command.InitialState;
import java.util.ArrayList;
import java.util.List;

public record Cart(List<String> items) {

    @InitialState
    static Cart empty() {
        return new Cart(List.of());
    }

    @Apply
    Cart on(ItemAdded e) {
        List<String> next = new ArrayList<>(items);
        next.add(e.item());
        return new Cart(List.copyOf(next));
    }
}
