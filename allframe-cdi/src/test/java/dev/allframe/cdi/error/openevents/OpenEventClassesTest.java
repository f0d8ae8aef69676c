package dev.allframe.cdi.error.openevents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.cdi.Deployments;
import org.junit.jupiter.api.Test;

/** Every class an application can store is known at deployment; a handler that could store others is refused. */
class OpenEventClassesTest {

    private static final String TAIL = "; return a concrete class, a sealed type or a collection of either";

    @Test
    void handlersWhoseEventClassesAreNotAllKnownFailTheDeployment() {
        assertThat(Deployments.failure(OpenReturns.class).problems()).map(String::valueOf).containsExactly(
                "AF1050: @CommandHandler method dev.allframe.cdi.error.openevents.OpenReturns#five(Five)"
                        + " returns java.util.Set<? extends dev.allframe.cdi.error.openevents.Note>, so the event"
                        + " classes it may store are not known at deployment: dev.allframe.cdi.error.openevents.Note"
                        + " is an interface that is not sealed" + TAIL,
                "AF1050: @CommandHandler method dev.allframe.cdi.error.openevents.OpenReturns#four(Four)"
                        + " returns java.util.List, so the event classes it may store are not known at deployment: the"
                        + " collection does not say of which class its events are" + TAIL,
                "AF1050: @CommandHandler method dev.allframe.cdi.error.openevents.OpenReturns#one(One)"
                        + " returns dev.allframe.cdi.error.openevents.Note, so the event classes it may store are not"
                        + " known at deployment: dev.allframe.cdi.error.openevents.Note is an interface that is not"
                        + " sealed" + TAIL,
                "AF1050: @CommandHandler method dev.allframe.cdi.error.openevents.OpenReturns#seven(Seven)"
                        + " returns java.util.List<java.lang.String>, so the event classes it may store are not known"
                        + " at deployment: java.lang.String is not an event class of the application" + TAIL,
                "AF1050: @CommandHandler method dev.allframe.cdi.error.openevents.OpenReturns#six(Six)"
                        + " returns java.util.List<dev.allframe.cdi.error.openevents.Entry>, so the event classes it"
                        + " may store are not known at deployment: dev.allframe.cdi.error.openevents.OpenEntry, which"
                        + " dev.allframe.cdi.error.openevents.Entry permits, is an interface that is not sealed" + TAIL,
                "AF1050: @CommandHandler method dev.allframe.cdi.error.openevents.OpenReturns#three(Three)"
                        + " returns java.util.List<java.lang.Object>, so the event classes it may store are not known"
                        + " at deployment: java.lang.Object may be any class" + TAIL,
                "AF1050: @CommandHandler method dev.allframe.cdi.error.openevents.OpenReturns#two(Two)"
                        + " returns dev.allframe.cdi.error.openevents.BaseEvent, so the event classes it may store are"
                        + " not known at deployment: dev.allframe.cdi.error.openevents.BaseEvent is an abstract class"
                        + " that is not sealed" + TAIL);
    }

    @Test
    void twoClassesStoredUnderOneDefaultNameFailTheDeploymentNamingBoth() {
        assertThat(Deployments.failure(SameNames.class).problems()).map(String::valueOf).containsExactly(
                "AF1024: Event classes dev.allframe.cdi.error.openevents.Noted and"
                        + " dev.allframe.cdi.error.openevents.other.Noted are both stored as 'Noted' version 1; give"
                        + " one of them another @EventType name");
    }
}
