package dev.allframe.core.dispatch;

import dev.allframe.EventEnvelope;
import dev.allframe.command.CommandValidationException;
import dev.allframe.command.CommandValidationException.Violation;
import dev.allframe.core.EventTypeRegistry;
import dev.allframe.core.EventTypes;
import dev.allframe.core.TagComponents;
import dev.allframe.core.handler.BoundaryModel;
import dev.allframe.core.handler.StateModel;
import dev.allframe.core.message.CommandMessages;
import dev.allframe.event.EventQuery;
import dev.allframe.event.QueryItem;
import dev.allframe.event.Tags;
import dev.allframe.spi.event.EventStore;
import dev.allframe.spi.event.QueryCondition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Folds the decision models of a command decided over queries: one query item per model (the stored names of the
 * event classes its {@code @Apply} methods take, and the tags the command gives its keys), the events of all items read
 * in one pass in the global order, each applied to the models whose item it matches. The append's condition is that
 * no event matching any item was stored after the last one read, or after the head as it was before the reads, if
 * that is later: every event up to that head was committed before the reads began, so they saw each one that
 * matches, and the store then checks only the events appended since (not all those of a boundary's tag since its last
 * event, which may be long ago).
 */
final class BoundaryLoader {

    private static final int PAGE = 500;

    private final EventStore store;
    private final EventTypeRegistry eventTypes;
    private final Map<StateModel, Set<String>> typeNames = new ConcurrentHashMap<>();

    BoundaryLoader(EventStore store, EventTypeRegistry eventTypes) {
        this.store = store;
        this.eventTypes = eventTypes;
    }

    /**
     * The query items of a handler's {@code boundary} for {@code command}, one per model, in order; {@code null} for a
     * model no stored type could change.
     *
     * @throws CommandValidationException the command gives no value for a tag a model asks for
     */
    List<QueryItem> items(List<BoundaryModel> boundary, Object command) {
        List<QueryItem> items = new ArrayList<>(boundary.size());
        for (BoundaryModel model : boundary) {
            items.add(item(model, command).orElse(null));
        }
        return items;
    }

    /** What commands deciding over {@code items} take turns on within the server: each item. */
    static List<String> turnKeys(List<QueryItem> items) {
        return items.stream().filter(item -> item != null).map(item -> "query " + item).toList();
    }

    /**
     * The models of a handler's {@code boundary} folded over {@code items} (as {@link #items} gave them), and the
     * condition its append is made under.
     */
    Decision load(List<BoundaryModel> boundary, List<QueryItem> items) {
        Object[] models = new Object[boundary.size()];
        for (int i = 0; i < models.length; i++) {
            models[i] = boundary.get(i).state().initial();
        }
        List<QueryItem> asked = items.stream().filter(item -> item != null).toList();
        if (asked.isEmpty()) {
            return new Decision(models, Optional.empty());
        }
        EventQuery query = new EventQuery(asked);
        // every event up to the head read now is committed, so the reads below see every one of them that matches
        long head = store.headPosition();
        long after = 0;
        long last = 0;
        List<EventEnvelope> page;
        do {
            page = store.read(query, after, PAGE);
            for (EventEnvelope event : page) {
                for (int i = 0; i < models.length; i++) {
                    QueryItem item = items.get(i);
                    if (item != null && item.matches(event.typeName(), event.tags())) {
                        models[i] = boundary.get(i).state().apply(models[i], event);
                    }
                }
                last = event.globalPosition();
            }
            after = last;
        } while (page.size() == PAGE);
        return new Decision(models, Optional.of(new QueryCondition(query, Math.max(last, head))));
    }

    /**
     * The item {@code model} is folded from for {@code command}; empty when no stored type is one its {@code @Apply}
     * methods take (nothing can change it).
     *
     * @throws CommandValidationException the command gives no value for a tag the model asks for
     */
    private Optional<QueryItem> item(BoundaryModel model, Object command) {
        Set<String> types = typeNames.computeIfAbsent(model.state(), this::typeNamesOf);
        if (types.isEmpty()) {
            return Optional.empty();
        }
        Set<String> tags = new LinkedHashSet<>();
        for (TagComponents.Component component : model.commandTags()) {
            List<Object> values = component.values(command);
            if (values.isEmpty()) {
                throw new CommandValidationException(command.getClass().getName(), List.of(new Violation(
                        component.name(), CommandMessages.noTagValue(component.key(), model.state().type()).toString())));
            }
            values.forEach(value -> tags.add(Tags.of(component.key(), value)));
        }
        return Optional.of(new QueryItem(types, tags));
    }

    /** The stored names of the registered event classes {@code model}'s {@code @Apply} methods take, sorted. */
    private Set<String> typeNamesOf(StateModel model) {
        Set<String> names = new TreeSet<>();
        for (Class<?> eventClass : eventTypes.classes()) {
            if (model.eventTypes().stream().anyMatch(type -> type.isAssignableFrom(eventClass))) {
                names.add(EventTypes.of(eventClass).name());
            }
        }
        return names;
    }

    /**
     * The folded models and the condition of the append.
     *
     * @param condition empty when none of the models could be changed by a stored event
     */
    record Decision(Object[] models, Optional<QueryCondition> condition) {
    }
}
