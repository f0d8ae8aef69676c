package dev.allframe.command;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;

/**
 * Optional metadata of a dispatch. Start from {@link #none()} and add what you need:
 * {@code CommandOptions.none().correlationId("req-42").idempotencyKey("pay-7")}.
 *
 * @param correlationId  copied to every event; defaults to the command id
 * @param causationId    copied to every event; defaults to the command id
 * @param idempotencyKey when set, a second dispatch with the same key returns the first result and
 *                       appends nothing
 * @param headers        user metadata copied to every event
 * @param idempotencyScope a group the idempotency key belongs to, which can be closed: once it is
 *                       ({@code IdempotencyKeys.closeScope}), the store refuses the command's events
 *                       ({@link IdempotencyScopeClosedException}). {@code SagaContext.commandOptions()} sets the
 *                       step's execution as the scope, which the saga closes before it compensates the step.
 *                       Needs an idempotency key.
 */
public record CommandOptions(String correlationId, String causationId, String idempotencyKey,
                             Map<String, String> headers, String idempotencyScope) {

    private static final CommandOptions NONE = new CommandOptions(null, null, null, Map.of(), null);

    public CommandOptions {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public CommandOptions(String correlationId, String causationId, String idempotencyKey,
                          Map<String, String> headers) {
        this(correlationId, causationId, idempotencyKey, headers, null);
    }

    public static CommandOptions none() {
        return NONE;
    }

    public CommandOptions correlationId(String id) {
        return new CommandOptions(requireNonNull(id, "correlationId"), causationId, idempotencyKey, headers,
                idempotencyScope);
    }

    public CommandOptions causationId(String id) {
        return new CommandOptions(correlationId, requireNonNull(id, "causationId"), idempotencyKey, headers,
                idempotencyScope);
    }

    public CommandOptions idempotencyKey(String key) {
        return new CommandOptions(correlationId, causationId, requireNonNull(key, "idempotencyKey"), headers,
                idempotencyScope);
    }

    public CommandOptions idempotencyScope(String scope) {
        return new CommandOptions(correlationId, causationId, idempotencyKey, headers,
                requireNonNull(scope, "idempotencyScope"));
    }

    public CommandOptions header(String name, String value) {
        Map<String, String> copy = new HashMap<>(headers);
        copy.put(requireNonNull(name, "header name"), requireNonNull(value, "header value"));
        return new CommandOptions(correlationId, causationId, idempotencyKey, copy, idempotencyScope);
    }
}
