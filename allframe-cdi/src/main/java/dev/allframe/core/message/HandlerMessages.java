package dev.allframe.core.message;

import static dev.allframe.core.message.Texts.list;

import dev.allframe.AllFrameMessage;
import dev.allframe.MessageTemplate;
import java.util.Collection;
import java.util.List;

/** Deployment problems of command and query handlers, their aggregate states and stream ids. */
public final class HandlerMessages {

    static final MessageTemplate AF1001 = new MessageTemplate("AF1001",
            "Command type %s has %s handlers, it needs exactly one: %s");
    static final MessageTemplate AF1002 = new MessageTemplate("AF1002",
            "Query type %s has %s handlers, it needs exactly one: %s");
    static final MessageTemplate AF1003 = new MessageTemplate("AF1003",
            "@CommandHandler method %s must take the command and optionally the aggregate state (or decision models),"
            + " but takes %s parameters");
    static final MessageTemplate AF1082 = new MessageTemplate("AF1082",
            "@CommandHandler method %s takes decision models, but its parameter %s (%s) is no @DecisionModel: a"
            + " handler takes either one aggregate state or decision models");
    static final MessageTemplate AF1083 = new MessageTemplate("AF1083",
            "Decision model %s of %s has no @Apply method, so no event could change the decision");
    static final MessageTemplate AF1084 = new MessageTemplate("AF1084",
            "Decision model %s asks for the tag '%s', but command type %s has %s tagged '%s' to read its value"
            + " from (handler %s): tag exactly one with @Tag(\"%s\")");
    static final MessageTemplate AF1004 = new MessageTemplate("AF1004",
            "@CommandHandler method %s must return void, a Collection of events or one event, but returns %s");
    static final MessageTemplate AF1005 = new MessageTemplate("AF1005",
            "@CommandHandler method %s takes an aggregate state, but command type %s has no @StreamId member to"
            + " load it from");
    static final MessageTemplate AF1006 = new MessageTemplate("AF1006",
            "State type %s of %s cannot be instantiated: give it a static @InitialState method or a no-argument"
            + " constructor");
    static final MessageTemplate AF1007 = new MessageTemplate("AF1007",
            "@InitialState method %s must be static, take no parameters and return %s");
    static final MessageTemplate AF1008 = new MessageTemplate("AF1008",
            "@Apply method %s must be an instance method taking one event and returning void or %s");
    static final MessageTemplate AF1009 = new MessageTemplate("AF1009",
            "Command type %s marks %s members with @StreamId, it needs at most one: %s");
    static final MessageTemplate AF1012 = new MessageTemplate("AF1012",
            "@%s method %s must be an instance method that is neither private nor generic");
    static final MessageTemplate AF1013 = new MessageTemplate("AF1013",
            "@%s method %s takes %s as its message, but messages must be concrete application classes");
    static final MessageTemplate AF1014 = new MessageTemplate("AF1014",
            "%s declares Jakarta Validation constraints, but no Jakarta Validation provider is available (enable"
            + " Liberty's beanValidation-3.0 feature or add a provider such as Hibernate Validator)");
    static final MessageTemplate AF1076 = new MessageTemplate("AF1076",
            "%s declares Jakarta Validation constraints whose classes cannot be loaded (%s), so Java drops them and"
            + " nothing would check them: enable Liberty's beanValidation-3.0 feature, or add"
            + " jakarta.validation:jakarta.validation-api and a provider such as"
            + " org.hibernate.validator:hibernate-validator");
    static final MessageTemplate AF1077 = new MessageTemplate("AF1077",
            "Jakarta Validation cannot start: its provider interpolates constraint messages with Jakarta Expression"
            + " Language, but finds no implementation of jakarta.el.ExpressionFactory (%s): add"
            + " org.glassfish.expressly:expressly or another Jakarta EL implementation");
    static final MessageTemplate AF1078 = new MessageTemplate("AF1078",
            "Jakarta Validation cannot start, so commands and queries cannot be validated: %s");
    static final MessageTemplate AF1015 = new MessageTemplate("AF1015",
            "State type %s has %s @Apply methods for %s, it needs at most one: %s");
    static final MessageTemplate AF1017 = new MessageTemplate("AF1017",
            "@CommandHandler method %s appends events, but command type %s has no @StreamId member naming the"
            + " stream");
    static final MessageTemplate AF1018 = new MessageTemplate("AF1018",
            "@QueryHandler method %s must take exactly one parameter, the query, but takes %s");
    static final MessageTemplate AF1019 = new MessageTemplate("AF1019",
            "@QueryHandler method %s must return the answer, but returns void");
    static final MessageTemplate AF1020 = new MessageTemplate("AF1020",
            "@CommandHandler(createsStream = true) method %s takes an aggregate state; a stateful handler already"
            + " expects the version it loaded");
    static final MessageTemplate AF1021 = new MessageTemplate("AF1021",
            "Bean %s declares handler methods, but its bean types (@Typed) exclude its own class");
    static final MessageTemplate AF1022 = new MessageTemplate("AF1022",
            "State type %s has %s @InitialState methods, it needs at most one: %s");
    static final MessageTemplate AF1062 = new MessageTemplate("AF1062",
            "@StateVersion(%s) on state type %s: a state version is 1 or more");
    static final MessageTemplate AF1023 = new MessageTemplate("AF1023",
            "@StreamId member %s must be an instance field or a method without parameters returning a value");

    static final MessageTemplate AF1050 = new MessageTemplate("AF1050",
            "@CommandHandler method %s returns %s, so the event classes it may store are not known at deployment: %s;"
            + " return a concrete class, a sealed type or a collection of either");

    static final MessageTemplate AF1081 = new MessageTemplate("AF1081",
            "Bean class %s uses AllFrame's annotations but cannot be loaded to read them: %s");

    private HandlerMessages() {
    }

    public static AllFrameMessage duplicateCommandHandlers(Class<?> commandType, Collection<String> sites) {
        return AF1001.with(commandType.getName(), sites.size(), list(sites));
    }

    public static AllFrameMessage duplicateQueryHandlers(Class<?> queryType, Collection<String> sites) {
        return AF1002.with(queryType.getName(), sites.size(), list(sites));
    }

    public static AllFrameMessage notADecisionModel(String site, int position, Class<?> type) {
        return AF1082.with(site, position, type.getName());
    }

    public static AllFrameMessage decisionModelAppliesNothing(Class<?> model, String site) {
        return AF1083.with(model.getName(), site);
    }

    public static AllFrameMessage decisionTagNotGiven(Class<?> model, String key, Class<?> commandType, String site,
                                                      List<String> components) {
        return AF1084.with(model.getName(), key, commandType.getName(),
                components.isEmpty() ? "no component"
                        : components.size() + " components (" + String.join(", ", components) + ")", key,
                site, key);
    }

    public static AllFrameMessage commandHandlerParameters(String site, int count) {
        return AF1003.with(site, count);
    }

    public static AllFrameMessage commandHandlerReturnType(String site, String returnType) {
        return AF1004.with(site, returnType);
    }

    public static AllFrameMessage statefulWithoutStreamId(String site, Class<?> commandType) {
        return AF1005.with(site, commandType.getName());
    }

    public static AllFrameMessage stateNotInstantiable(Class<?> stateType, String site) {
        return AF1006.with(stateType.getName(), site);
    }

    public static AllFrameMessage badInitialState(String site, Class<?> stateType) {
        return AF1007.with(site, stateType.getName());
    }

    public static AllFrameMessage badApply(String site, Class<?> stateType) {
        return AF1008.with(site, stateType.getName());
    }

    public static AllFrameMessage multipleStreamIds(Class<?> commandType, Collection<String> members) {
        return AF1009.with(commandType.getName(), members.size(), list(members));
    }

    public static AllFrameMessage handlerModifiers(String annotation, String site) {
        return AF1012.with(annotation, site);
    }

    public static AllFrameMessage notAConcreteMessageType(String annotation, String site, String type) {
        return AF1013.with(annotation, site, type);
    }

    public static AllFrameMessage constraintsWithoutValidator(Class<?> messageType) {
        return AF1014.with(messageType.getName());
    }

    public static AllFrameMessage constraintsDropped(Class<?> messageType, Collection<String> annotationTypes) {
        return AF1076.with(messageType.getName(), list(annotationTypes));
    }

    public static AllFrameMessage noExpressionLanguage(String missing) {
        return AF1077.with(missing);
    }

    public static AllFrameMessage validationCannotStart(String cause) {
        return AF1078.with(cause);
    }

    public static AllFrameMessage duplicateApply(Class<?> stateType, Class<?> eventType, Collection<String> sites) {
        return AF1015.with(stateType.getName(), sites.size(), eventType.getName(), list(sites));
    }

    public static AllFrameMessage appendsWithoutStreamId(String site, Class<?> commandType) {
        return AF1017.with(site, commandType.getName());
    }

    public static AllFrameMessage queryHandlerParameters(String site, int count) {
        return AF1018.with(site, count);
    }

    public static AllFrameMessage queryHandlerReturnsVoid(String site) {
        return AF1019.with(site);
    }

    public static AllFrameMessage createsStreamWithState(String site) {
        return AF1020.with(site);
    }

    public static AllFrameMessage handlerBeanTypeRestricted(Class<?> beanClass) {
        return AF1021.with(beanClass.getName());
    }

    public static AllFrameMessage multipleInitialStates(Class<?> stateType, Collection<String> sites) {
        return AF1022.with(stateType.getName(), sites.size(), list(sites));
    }

    public static AllFrameMessage badStateVersion(Class<?> stateType, int version) {
        return AF1062.with(version, stateType.getName());
    }

    public static AllFrameMessage badStreamIdMember(String member) {
        return AF1023.with(member);
    }

    public static AllFrameMessage eventClassesUnknown(String site, String returnType, String why) {
        return AF1050.with(site, returnType, why);
    }

    public static AllFrameMessage beanClassUnloadable(String className, String why) {
        return AF1081.with(className, why);
    }
}
