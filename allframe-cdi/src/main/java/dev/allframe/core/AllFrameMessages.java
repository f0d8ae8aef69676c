package dev.allframe.core;

import dev.allframe.CommandValidationException.Violation;
import dev.allframe.EventEnvelope;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every user-facing message of the allframe-cdi module, each with a stable id. Ids AF1000-AF1099 are
 * deployment problems, AF1100-AF1199 runtime errors, AF1200-AF1299 log lines.
 */
public final class AllFrameMessages {

    private AllFrameMessages() {
    }

    // ---- deployment problems --------------------------------------------------------------------

    public static String deploymentProblems(List<String> problems) {
        return "AF1000: AllFrame found " + problems.size() + " deployment problem" + (problems.size() == 1 ? "" : "s")
                + ":" + problems.stream().map(p -> "\n  " + p).collect(Collectors.joining());
    }

    public static String duplicateCommandHandlers(Class<?> commandType, Collection<String> sites) {
        return "AF1001: Command type " + commandType.getName() + " has " + sites.size()
                + " handlers, it needs exactly one: " + String.join(", ", sites);
    }

    public static String duplicateQueryHandlers(Class<?> queryType, Collection<String> sites) {
        return "AF1002: Query type " + queryType.getName() + " has " + sites.size()
                + " handlers, it needs exactly one: " + String.join(", ", sites);
    }

    public static String commandHandlerParameters(String site, int count) {
        return "AF1003: @CommandHandler method " + site
                + " must take the command and optionally the aggregate state, but takes " + count + " parameters";
    }

    public static String commandHandlerReturnType(String site, String returnType) {
        return "AF1004: @CommandHandler method " + site
                + " must return void, a Collection of events or one event, but returns " + returnType;
    }

    public static String statefulWithoutStreamId(String site, Class<?> commandType) {
        return "AF1005: @CommandHandler method " + site + " takes an aggregate state, but command type "
                + commandType.getName() + " has no @StreamId member to load it from";
    }

    public static String stateNotInstantiable(Class<?> stateType, String site) {
        return "AF1006: State type " + stateType.getName() + " of " + site
                + " cannot be instantiated: give it a static @InitialState method or a no-argument constructor";
    }

    public static String badInitialState(String site, Class<?> stateType) {
        return "AF1007: @InitialState method " + site + " must be static, take no parameters and return "
                + stateType.getName();
    }

    public static String badApply(String site, Class<?> stateType) {
        return "AF1008: @Apply method " + site + " must be an instance method taking one event and returning void or "
                + stateType.getName();
    }

    public static String multipleStreamIds(Class<?> commandType, Collection<String> members) {
        return "AF1009: Command type " + commandType.getName() + " marks " + members.size()
                + " members with @StreamId, it needs at most one: " + String.join(", ", members);
    }

    public static String badConfigValue(String key, String value, String expected) {
        return "AF1010: Configuration value '" + value + "' of " + key + " is invalid: expected " + expected;
    }

    public static String unknownConfigKey(String key, Collection<String> knownKeys) {
        return "AF1011: Configuration key " + key + " is not an AllFrame key; known keys: "
                + String.join(", ", knownKeys);
    }

    public static String handlerModifiers(String annotation, String site) {
        return "AF1012: @" + annotation + " method " + site + " must be an instance method that is neither private nor generic";
    }

    public static String notAConcreteMessageType(String annotation, String site, String type) {
        return "AF1013: @" + annotation + " method " + site + " takes " + type
                + " as its message, but messages must be concrete application classes";
    }

    public static String constraintsWithoutValidator(Class<?> messageType) {
        return "AF1014: " + messageType.getName()
                + " declares Jakarta Validation constraints, but no Jakarta Validation provider is available"
                + " (enable Liberty's beanValidation-3.0 feature or add a provider such as Hibernate Validator)";
    }

    public static String duplicateApply(Class<?> stateType, Class<?> eventType, Collection<String> sites) {
        return "AF1015: State type " + stateType.getName() + " has " + sites.size() + " @Apply methods for "
                + eventType.getName() + ", it needs at most one: " + String.join(", ", sites);
    }

    public static String unknownEventStore(String key, String value, Collection<String> stores) {
        return "AF1016: " + key + "=" + value + " names no available event store; available: "
                + String.join(", ", stores);
    }

    public static String appendsWithoutStreamId(String site, Class<?> commandType) {
        return "AF1017: @CommandHandler method " + site + " appends events, but command type "
                + commandType.getName() + " has no @StreamId member naming the stream";
    }

    public static String queryHandlerParameters(String site, int count) {
        return "AF1018: @QueryHandler method " + site + " must take exactly one parameter, the query, but takes "
                + count;
    }

    public static String queryHandlerReturnsVoid(String site) {
        return "AF1019: @QueryHandler method " + site + " must return the answer, but returns void";
    }

    public static String createsStreamWithState(String site) {
        return "AF1020: @CommandHandler(createsStream = true) method " + site
                + " takes an aggregate state; a stateful handler already expects the version it loaded";
    }

    public static String handlerBeanTypeRestricted(Class<?> beanClass) {
        return "AF1021: Bean " + beanClass.getName()
                + " declares handler methods, but its bean types (@Typed) exclude its own class";
    }

    public static String multipleInitialStates(Class<?> stateType, Collection<String> sites) {
        return "AF1022: State type " + stateType.getName() + " has " + sites.size()
                + " @InitialState methods, it needs at most one: " + String.join(", ", sites);
    }

    public static String badStreamIdMember(String member) {
        return "AF1023: @StreamId member " + member + " must be an instance field or a method without parameters"
                + " returning a value";
    }

    public static String eventTypeClash(String name, int version, Class<?> one, Class<?> other) {
        boolean ordered = one.getName().compareTo(other.getName()) <= 0;
        Class<?> first = ordered ? one : other;
        Class<?> second = ordered ? other : one;
        return "AF1024: Event classes " + first.getName() + " and " + second.getName() + " are both stored as '"
                + name + "' version " + version + "; give one of them another @EventType name";
    }

    public static String duplicateProjections(String name, Collection<String> beans) {
        return "AF1025: Projection name '" + name + "' is used by " + beans.size() + " beans, it needs exactly one: "
                + String.join(", ", beans);
    }

    public static String projectionHandlerWithoutEvent(String projection, String site) {
        return "AF1026: Projection '" + projection + "' handler " + site
                + " takes no event: an on(...) method takes the event and optionally its EventEnvelope";
    }

    public static String duplicateProjectionHandlers(String projection, Class<?> eventType, Collection<String> sites) {
        return "AF1027: Projection '" + projection + "' has " + sites.size() + " handlers for " + eventType.getName()
                + ", it needs at most one: " + String.join(", ", sites);
    }

    public static String projectionHandlerParameters(String projection, String site) {
        return "AF1028: Projection '" + projection + "' handler " + site
                + " must take the event and optionally its EventEnvelope, nothing else";
    }

    public static String projectionWithoutHandlers(String projection, Class<?> beanClass) {
        return "AF1029: Projection '" + projection + "' (" + beanClass.getName() + ") has no on(...) methods";
    }

    public static String projectionScope(String projection, Class<?> beanClass, String scope) {
        return "AF1030: Projection '" + projection + "' (" + beanClass.getName() + ") is @" + scope
                + ", but projections run outside requests: make it @ApplicationScoped or @Dependent";
    }

    public static String upcasterFork(String from, Collection<String> sites) {
        return "AF1031: Event " + from + " has " + sites.size() + " upcasters, it needs at most one: "
                + String.join(", ", sites);
    }

    public static String upcasterCycle(String name, List<Integer> versions, Collection<String> sites) {
        return "AF1032: Upcasters of '" + name + "' go round in a cycle: "
                + versions.stream().map(String::valueOf).collect(Collectors.joining(" -> ")) + " ("
                + String.join(", ", sites) + ")";
    }

    public static String upcasterGap(String from, int newest, List<Integer> reached) {
        return "AF1033: Event " + from + " has no upcaster path to the newest version " + newest + ": "
                + reached.stream().map(String::valueOf).collect(Collectors.joining(" -> "))
                + " and no upcaster leaves version " + reached.get(reached.size() - 1);
    }

    public static String upcasterWithoutEventTypes(String site, Class<?> from, Class<?> to) {
        return "AF1034: Upcaster " + site + " must turn one event class into another, but turns "
                + from.getName() + " into " + to.getName();
    }

    public static String upcasterRenames(String site, String from, String to) {
        return "AF1035: Upcaster " + site + " turns '" + from + "' into '" + to
                + "'; an upcaster keeps the type name and raises the version";
    }

    public static String badUpcastFrom(Class<?> newer, Class<?> older) {
        return "AF1036: Event class " + newer.getName() + " declares @UpcastFrom(" + older.getSimpleName()
                + ".class), but has no public constructor or public static from method taking a " + older.getName();
    }

    public static String badUpcaster(String site) {
        return "AF1037: @Upcaster method " + site + " must be an instance method, neither private nor generic,"
                + " taking one event";
    }

    public static String badJsonUpcaster(String site) {
        return "AF1038: @JsonUpcaster method " + site
                + " must be an instance method taking and returning a jakarta.json.JsonObject";
    }

    public static String upcastersWithoutNewestClass(String name) {
        return "AF1039: Event '" + name + "' has upcasters, but no event class has that name";
    }

    public static String inlineReplayOnStart(String projection, Class<?> beanClass) {
        return "AF1060: Projection '" + projection + "' (" + beanClass.getName() + ") is inline and replayOnStart;"
                + " only async projections replay the log at start";
    }

    public static String duplicateStepOrder(String saga, int order, Collection<String> steps) {
        return "AF1040: Saga '" + saga + "' has " + steps.size() + " steps with order " + order
                + ", it needs one step per order: " + String.join(", ", steps);
    }

    public static String notAStep(Class<?> beanClass, String saga) {
        return "AF1041: @SagaStep class " + beanClass.getName() + " (saga '" + saga + "') does not implement "
                + "dev.allframe.Step";
    }

    public static String badStepTimeout(Class<?> beanClass, String value) {
        return "AF1042: @SagaStep class " + beanClass.getName() + " has timeout '" + value
                + "': expected a positive duration such as 250ms, 2s, 5m or PT1S";
    }

    public static String sagaStepScope(Class<?> beanClass, String scope) {
        return "AF1043: @SagaStep class " + beanClass.getName() + " is @" + scope
                + ", but sagas run outside requests: make it @ApplicationScoped or @Dependent";
    }

    public static String badStepOrder(Class<?> beanClass, int order) {
        return "AF1044: @SagaStep class " + beanClass.getName() + " has order " + order + ": orders start at 1";
    }

    public static String duplicateSaga(String saga, Collection<String> definitions) {
        return "AF1045: Saga name '" + saga + "' is defined " + definitions.size()
                + " times, it needs exactly one definition: " + String.join(", ", definitions);
    }

    public static String duplicateStepName(String saga, String step, Collection<String> sites) {
        return "AF1047: Saga '" + saga + "' has " + sites.size() + " steps named '" + step
                + "', it needs unique step names: " + String.join(", ", sites);
    }

    public static String emptySaga(String saga, String site) {
        return "AF1048: Saga '" + saga + "' (" + site + ") has no steps";
    }

    // ---- runtime ------------------------------------------------------------------------------------

    public static String noCommandHandler(Class<?> commandType, Collection<String> knownTypes) {
        return "AF1101: No @CommandHandler handles " + commandType.getName() + "; known command types: "
                + (knownTypes.isEmpty() ? "none" : String.join(", ", knownTypes));
    }

    public static String noQueryHandler(Class<?> queryType, Collection<String> knownTypes) {
        return "AF1102: No @QueryHandler answers " + queryType.getName() + "; known query types: "
                + (knownTypes.isEmpty() ? "none" : String.join(", ", knownTypes));
    }

    public static String invalidMessage(String messageType, List<Violation> violations) {
        return "AF1103: " + messageType + " is invalid: " + violations.stream()
                .map(v -> (v.path().isEmpty() ? "" : v.path() + ": ") + v.message())
                .collect(Collectors.joining("; "));
    }

    public static String concurrencyConflict(String streamId, long expected, long actual) {
        return "AF1104: Stream '" + streamId + "' is at version " + actual + ", but the append expected "
                + (expected == 0 ? "no stream (version 0)" : "version " + expected);
    }

    public static String handlerFailed(String site, Object message, String streamId, Throwable cause) {
        return "AF1105: Handler " + site + " failed on " + message.getClass().getName()
                + (streamId == null ? "" : " for stream '" + streamId + "'") + ": " + describe(cause);
    }

    public static String applyFailed(String site, String typeName, String streamId, long version, Throwable cause) {
        return "AF1106: @Apply method " + site + " failed on event " + typeName + " version " + version
                + " of stream '" + streamId + "': " + describe(cause);
    }

    public static String streamIdMissing() {
        return "must not be null: it is the command's @StreamId";
    }

    public static String nullEvent(String site, int index) {
        return "AF1108: Handler " + site + " returned a null event at index " + index;
    }

    public static String commandRejected(String reason) {
        return "AF1109: Command rejected: " + reason;
    }

    public static String idempotencyKeyReused(String key, String firstStream, String stream) {
        return "AF1110: Idempotency key '" + key + "' was first used for stream '" + firstStream
                + "', not for stream '" + stream + "'";
    }

    public static String unexpectedQueryResult(Class<?> queryType, Class<?> expected, Object actual) {
        return "AF1111: The answer to " + queryType.getName() + " is a "
                + (actual == null ? "null" : actual.getClass().getName()) + ", not a " + expected.getName();
    }

    public static String initialStateFailed(String site, Throwable cause) {
        return "AF1112: Creating the initial state with " + site + " failed: " + describe(cause);
    }

    public static String listenerFailed(Object listener, String streamId) {
        return "AF1114: Append listener " + listener + " failed on an append to stream '" + streamId + "'";
    }

    public static String snapshotNotWritten(String streamId, long version) {
        return "AF1117: The snapshot of stream '" + streamId + "' at version " + version
                + " was not written; the stream is folded from its events instead";
    }

    public static String snapshotNotRead(String streamId) {
        return "AF1118: The snapshot of stream '" + streamId + "' could not be read and is ignored;"
                + " the stream is folded from its events instead";
    }

    public static String projectionFailed(String projection, EventEnvelope event, String site, Throwable cause) {
        return "AF1119: Projection '" + projection + "' failed on event " + event.typeName() + " at position "
                + event.globalPosition() + " (stream '" + event.streamId() + "', version " + event.streamVersion()
                + ") in " + site + ": " + describe(cause);
    }

    public static String projectionNotRebuildable(String projection) {
        return "AF1120: Projection '" + projection + "' has no reset() method, so it cannot be rebuilt";
    }

    public static String inlinePause(String projection) {
        return "AF1121: Projection '" + projection + "' is inline; pause and resume apply to async projections";
    }

    public static String noInlineSupport(String projection, String store) {
        return "AF1122: Projection '" + projection + "' is inline, but the event store " + store
                + " cannot run listeners inside its appends";
    }

    public static String noSuchProjection(String name, Collection<String> known) {
        return "AF1123: No projection is named '" + name + "'; projections: "
                + (known.isEmpty() ? "none" : String.join(", ", known));
    }

    public static String projectionStopped(String projection, long position, String cause) {
        return "AF1124: Projection '" + projection + "' stopped at position " + position
                + " after its retries: " + cause;
    }

    public static String projectionResetFailed(String projection, Throwable cause) {
        return "AF1125: Resetting projection '" + projection + "' failed: " + describe(cause);
    }

    public static String projectionStoreFailed(String projection) {
        return "AF1126: Projection '" + projection + "' could not read or record its progress; it tries again";
    }

    public static String jsonUpcasterOnObject(String site, String from) {
        return "AF1127: Event " + from + " is held as an object, but its upcaster " + site
                + " works on JSON; only a store that keeps JSON can bring it up to date";
    }

    public static String upcasterFailed(String site, String from, Throwable cause) {
        return "AF1128: Upcaster " + site + " failed on event " + from + ": " + describe(cause);
    }

    public static String noSuchSaga(String name, Collection<String> known) {
        return "AF1140: No saga is named '" + name + "'; sagas: "
                + (known.isEmpty() ? "none" : String.join(", ", known));
    }

    public static String stepFailed(String saga, Object sagaId, int step, String stepName, Throwable cause) {
        return "AF1141: Step " + step + " '" + stepName + "' of saga '" + saga + "' (" + sagaId + ") failed: "
                + describe(cause);
    }

    public static String stepInterrupted(String saga, Object sagaId, int step, String stepName) {
        return "AF1142: Step " + step + " '" + stepName + "' of saga '" + saga + "' (" + sagaId
                + ") was running when its process stopped; the saga is compensated from this step";
    }

    public static String compensationFailed(String saga, Object sagaId, int step, String stepName, Throwable cause) {
        return "AF1143: Compensating step " + step + " '" + stepName + "' of saga '" + saga + "' (" + sagaId
                + ") failed: " + describe(cause);
    }

    public static String sagaTakenOver(String saga, Object sagaId, String owner) {
        return "AF1144: Saga '" + saga + "' (" + sagaId + ") was taken over by process " + owner
                + " after this process's lease ran out; this process stops working on it";
    }

    public static String sagaInterrupted(String saga, Object sagaId) {
        return "AF1145: Saga '" + saga + "' (" + sagaId + ") was interrupted while it ran; it stays unfinished"
                + " and is compensated once its lease runs out";
    }

    public static String nullStepStage(String site) {
        return "AF1146: Step " + site + " returned no CompletionStage from execute";
    }

    public static String stepTimedOut(String site, long millis) {
        return "AF1152: Step " + site + " did not finish within " + millis + " ms";
    }

    public static String compensationTimedOut(String site, long millis) {
        return "AF1153: The compensation of step " + site + " did not finish within " + millis + " ms";
    }

    public static String sagasWithoutManagedExecutor(String executor) {
        return "AF1154: The server has no " + executor + ": sagas run on AllFrame's own threads, on which the"
                + " server may give steps none of the application's context (a step dispatching a command can fail"
                + " then); on Open Liberty enable the concurrent-3.0 feature";
    }

    public static String applicationEventStoreUnresolvable() {
        return "AF1155: The application defines an EventStore bean, but no single one resolves for AllFrame's buses";
    }

    public static String unknownSagaToRecover(String saga, Object sagaId) {
        return "AF1147: Saga " + sagaId + " is unfinished, but this application defines no saga '" + saga
                + "'; it is left as it is";
    }

    public static String sagaRecovered(String saga, Object sagaId, String state, int step) {
        return "AF1148: Recovering saga '" + saga + "' (" + sagaId + "), left " + state + " at step " + step
                + " by a stopped process: compensating";
    }

    public static String sagaStoreFailed(String work) {
        return "AF1149: The saga store failed while " + work + "; AllFrame tries again";
    }

    public static String stoppedBeforeFirstStep(String saga, Object sagaId) {
        return "AF1150: Saga '" + saga + "' (" + sagaId + ") stopped before its first step; nothing to compensate";
    }

    public static String nullSagaInput(String saga) {
        return "AF1151: Saga '" + saga + "' needs an input, but got null";
    }

    public static String nullMessage(String operation) {
        return "AF1116: " + operation + " needs a message, but got null";
    }

    // ---- log lines ----------------------------------------------------------------------------------

    public static String started(String version, int commandHandlers, int queryHandlers, int projections,
                                 int sagas, String eventStore) {
        return "AF1200: AllFrame " + version + " started with " + commandHandlers + " command handler"
                + (commandHandlers == 1 ? "" : "s") + ", " + queryHandlers + " query handler"
                + (queryHandlers == 1 ? "" : "s") + ", " + projections + " projection"
                + (projections == 1 ? "" : "s") + ", " + sagas + " saga" + (sagas == 1 ? "" : "s")
                + " and the " + eventStore + " event store";
    }

    public static String handlerRegistered(String kind, Class<?> messageType, String site) {
        return "AF1201: " + kind + " " + messageType.getName() + " is handled by " + site;
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getName()
                : cause.getClass().getName() + ": " + cause.getMessage();
    }
}
