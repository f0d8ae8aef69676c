package dev.allframe.liberty.feature.flow;

import dev.allframe.projection.EventHandler;
import dev.allframe.projection.Projection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An async projection, fed by the feature's tracking processor. */
@Projection("order-totals")
public class OrderTotals {

    private final Map<String, Integer> totals = new ConcurrentHashMap<>();

    @EventHandler
    void on(Placed placed) {
        totals.merge(placed.order(), placed.amount(), Integer::sum);
    }

    public int total(String order) {
        return totals.getOrDefault(order, 0);
    }
}
