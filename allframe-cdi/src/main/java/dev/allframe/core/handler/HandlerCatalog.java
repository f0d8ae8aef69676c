package dev.allframe.core.handler;

import dev.allframe.core.Problems;
import dev.allframe.core.Sites;
import dev.allframe.core.message.HandlerMessages;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every command and query handler of an application, checked, one per message type.
 */
public record HandlerCatalog(Map<Class<?>, CommandHandlerModel> commands, Map<Class<?>, QueryHandlerModel> queries) {

    public HandlerCatalog {
        commands = Map.copyOf(commands);
        queries = Map.copyOf(queries);
    }

    /**
     * Checks {@code methods} and builds the catalog. Every problem found is added to {@code problems};
     * the catalog then holds only the handlers without problems.
     */
    public static HandlerCatalog build(Collection<HandlerMethod> methods, Problems problems) {
        HandlerInspector inspector = new HandlerInspector(problems);
        Map<Class<?>, List<CommandHandlerModel>> commands = new TreeMap<>(Comparator.comparing(Class::getName));
        Map<Class<?>, List<QueryHandlerModel>> queries = new TreeMap<>(Comparator.comparing(Class::getName));
        methods.stream()
                .sorted(Comparator.comparing((HandlerMethod m) -> m.beanClass().getName())
                        .thenComparing(m -> Sites.of(m.method())))
                .forEach(method -> {
                    switch (method.kind()) {
                        case COMMAND -> inspector.command(method).ifPresent(model ->
                                commands.computeIfAbsent(model.commandType(), k -> new ArrayList<>()).add(model));
                        case QUERY -> inspector.query(method).ifPresent(model ->
                                queries.computeIfAbsent(model.queryType(), k -> new ArrayList<>()).add(model));
                    }
                });
        return new HandlerCatalog(unique(commands, problems, true), unique(queries, problems, false));
    }

    private static <M> Map<Class<?>, M> unique(Map<Class<?>, List<M>> byType, Problems problems, boolean commands) {
        Map<Class<?>, M> unique = new LinkedHashMap<>();
        byType.forEach((type, models) -> {
            if (models.size() == 1) {
                unique.put(type, models.get(0));
                return;
            }
            List<String> sites = models.stream().map(HandlerCatalog::site).toList();
            problems.add(commands ? HandlerMessages.duplicateCommandHandlers(type, sites)
                    : HandlerMessages.duplicateQueryHandlers(type, sites));
        });
        return unique;
    }

    private static String site(Object model) {
        return model instanceof CommandHandlerModel c ? c.site() : ((QueryHandlerModel) model).site();
    }
}
