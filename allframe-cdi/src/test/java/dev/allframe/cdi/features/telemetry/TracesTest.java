package dev.allframe.cdi.features.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.bank.AccountCommands;
import dev.allframe.bank.AccountQueries;
import dev.allframe.bank.CreditTarget;
import dev.allframe.bank.DebitSource;
import dev.allframe.bank.Deposit;
import dev.allframe.bank.OpenAccount;
import dev.allframe.bank.Transfer;
import dev.allframe.bank.Withdraw;
import dev.allframe.cdi.Deployments;
import dev.allframe.cdi.TestConfig;
import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandRejectedException;
import dev.allframe.command.CommandResult;
import dev.allframe.command.CommandValidationException;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.saga.SagaOrchestrator;
import dev.allframe.saga.SagaOutcome;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * AllFrame's spans through the application's OpenTelemetry bean: a dispatch with its append, the trace context in
 * the events, a projection batch linked to the commands it applies, a saga with its steps and their commands, across
 * AllFrame's threads.
 */
class TracesTest {

    private static final AttributeKey<String> TYPE = AttributeKey.stringKey("allframe.command.type");
    private static final AttributeKey<String> STREAM = AttributeKey.stringKey("allframe.stream");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("allframe.command.outcome");
    private static final AttributeKey<Long> EVENTS = AttributeKey.longKey("allframe.events");
    private static final AttributeKey<Long> FIRST = AttributeKey.longKey("allframe.position.first");
    private static final AttributeKey<Long> LAST = AttributeKey.longKey("allframe.position.last");

    @BeforeEach
    void forgetSpans() {
        Spans.EXPORTED.reset();
    }

    private static WeldContainer start() {
        return Deployments.weld(AccountCommands.class, AccountQueries.class, DebitSource.class, CreditTarget.class,
                AccountLines.class, AccountCount.class, Spans.class).initialize();
    }

    @Test
    void aDispatchIsASpanWithItsAppendAsAChild() {
        try (WeldContainer container = start()) {
            container.select(CommandBus.class).get().dispatch(new OpenAccount("A-1", "Ada"));
        }

        SpanData command = single("allframe.command OpenAccount");
        assertThat(command.getAttributes().get(TYPE)).isEqualTo("dev.allframe.bank.OpenAccount");
        assertThat(command.getAttributes().get(STREAM)).isEqualTo("A-1");
        assertThat(command.getAttributes().get(OUTCOME)).isEqualTo("stored");
        assertThat(command.getParentSpanContext().isValid()).isFalse();
        SpanData append = single("allframe.append");
        assertThat(append.getParentSpanId()).isEqualTo(command.getSpanId());
        assertThat(append.getTraceId()).isEqualTo(command.getTraceId());
        assertThat(append.getAttributes().get(STREAM)).isEqualTo("A-1");
        assertThat(append.getAttributes().get(EVENTS)).isEqualTo(1);
        assertThat(append.getAttributes().get(FIRST)).isEqualTo(1);
        assertThat(append.getAttributes().get(LAST)).isEqualTo(1);
    }

    @Test
    void anInlineProjectionAppliesAnAppendInASpanOfTheCommandThatStoredIt() {
        try (WeldContainer container = start()) {
            CommandBus commands = container.select(CommandBus.class).get();
            commands.dispatch(new OpenAccount("A-1", "Ada"));
            assertThatThrownBy(() -> commands.dispatch(new OpenAccount("A-2", "Mallory")))
                    .hasRootCauseMessage("no accounts for Mallory");
        }

        List<SpanData> commands = spans().stream().filter(s -> s.getName().equals("allframe.command OpenAccount"))
                .toList();
        List<SpanData> inline = spans().stream()
                .filter(s -> s.getName().equals("allframe.projection.inline account-count")).toList();
        assertThat(inline).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(inline.get(i).getParentSpanId()).isEqualTo(commands.get(i).getSpanId());
            assertThat(inline.get(i).getAttributes().get(EVENTS)).isEqualTo(1);
            assertThat(inline.get(i).getAttributes().get(AttributeKey.stringKey("allframe.projection")))
                    .isEqualTo("account-count");
        }
        assertThat(inline.get(0).getAttributes().get(FIRST)).isEqualTo(1);
        assertThat(inline.get(0).getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(inline.get(1).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(commands.get(1).getAttributes().get(OUTCOME)).isEqualTo("failed");
    }

    @Test
    void refusedCommandsAreSpansInErrorWithTheirOutcome() {
        try (WeldContainer container = start()) {
            CommandBus commands = container.select(CommandBus.class).get();
            assertThatThrownBy(() -> commands.dispatch(new Deposit("nobody", BigDecimal.ONE)))
                    .isInstanceOf(CommandRejectedException.class);
            assertThatThrownBy(() -> commands.dispatch(new OpenAccount(" ", "")))
                    .isInstanceOf(CommandValidationException.class);
        }

        SpanData rejected = single("allframe.command Deposit");
        assertThat(rejected.getAttributes().get(OUTCOME)).isEqualTo("rejected");
        assertThat(rejected.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(rejected.getEvents()).extracting(e -> e.getName()).containsExactly("exception");
        SpanData invalid = single("allframe.command OpenAccount");
        assertThat(invalid.getAttributes().get(OUTCOME)).isEqualTo("invalid");
        assertThat(spans()).extracting(SpanData::getName).doesNotContain("allframe.append");
    }

    @Test
    void theEventsCarryTheCommandsTraceAndTheProjectionsBatchLinksToIt() throws Exception {
        CommandResult opened;
        Span request;
        try (WeldContainer container = start()) {
            OpenTelemetry openTelemetry = container.select(OpenTelemetry.class).get();
            request = openTelemetry.getTracer("test").spanBuilder("request").startSpan();
            try (Scope scope = request.makeCurrent()) {
                opened = container.select(CommandBus.class).get().dispatch(new OpenAccount("A-1", "Ada"));
            } finally {
                request.end();
            }
            assertThat(container.select(ProjectionRegistry.class).get().awaitPosition("account-lines",
                    opened.lastPosition(), Duration.ofSeconds(10))).isTrue();
        }

        SpanData command = single("allframe.command OpenAccount");
        assertThat(command.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(command.getAttributes().get(AttributeKey.stringKey("allframe.command.id")))
                .isEqualTo(opened.commandId().toString());
        assertThat(command.getAttributes().get(AttributeKey.stringKey("allframe.correlation.id")))
                .isEqualTo(opened.events().get(0).correlationId());
        assertThat(opened.events().get(0).metadata().get("traceparent"))
                .isEqualTo("00-" + command.getTraceId() + "-" + command.getSpanId() + "-"
                        + command.getSpanContext().getTraceFlags().asHex());
        SpanData batch = single("allframe.projection.batch account-lines");
        assertThat(batch.getParentSpanContext().isValid()).as("a batch starts a trace of its own").isFalse();
        assertThat(batch.getLinks()).extracting(link -> link.getSpanContext().getTraceId() + "/"
                + link.getSpanContext().getSpanId()).containsExactly(command.getTraceId() + "/" + command.getSpanId());
        assertThat(batch.getAttributes().get(FIRST)).isEqualTo(1);
        assertThat(batch.getAttributes().get(EVENTS)).isEqualTo(1);
    }

    @Test
    void aSagasStepsAndTheCommandsTheyDispatchNestUnderTheSagaAcrossThreads() {
        SagaOutcome outcome;
        Span request;
        try (WeldContainer container = start()) {
            CommandBus commands = container.select(CommandBus.class).get();
            commands.dispatch(new OpenAccount("A-1", "Ada"));
            commands.dispatch(new Deposit("A-1", new BigDecimal("100")));
            request = container.select(OpenTelemetry.class).get().getTracer("test").spanBuilder("request")
                    .startSpan();
            try (Scope scope = request.makeCurrent()) {
                outcome = container.select(SagaOrchestrator.class).get()
                        .start("transfer", new Transfer("A-1", "B-2", new BigDecimal("30")));
            } finally {
                request.end();
            }
        }

        assertThat(outcome).isInstanceOf(SagaOutcome.Compensated.class);
        SpanData saga = single("allframe.saga transfer");
        assertThat(saga.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(saga.getAttributes().get(AttributeKey.stringKey("allframe.saga.outcome"))).isEqualTo("COMPENSATED");
        SpanData debit = single("allframe.saga.execute DebitSource");
        SpanData credit = single("allframe.saga.execute CreditTarget");
        SpanData refund = single("allframe.saga.compensate DebitSource");
        assertThat(List.of(debit, credit, refund)).allSatisfy(step ->
                assertThat(step.getParentSpanId()).isEqualTo(saga.getSpanId()));
        assertThat(credit.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        SpanData takeBack = single("allframe.saga.compensate CreditTarget");
        assertThat(takeBack.getParentSpanId()).isEqualTo(saga.getSpanId());
        assertThat(inTrace(saga, "allframe.command Withdraw")).as("the steps' commands, on the steps' threads")
                .containsExactlyInAnyOrder(debit.getSpanId(), takeBack.getSpanId());
        assertThat(inTrace(saga, "allframe.command Deposit"))
                .containsExactlyInAnyOrder(credit.getSpanId(), refund.getSpanId());
        assertThat(spans()).filteredOn(s -> s.getName().startsWith("allframe.command")
                        && s.getTraceId().equals(saga.getTraceId()))
                .extracting(s -> s.getAttributes().get(AttributeKey.stringKey("allframe.correlation.id")))
                .as("the steps' commands correlate with the saga").hasSize(4)
                .containsOnly(outcome.sagaId().toString());
    }

    @Test
    void turnedOffThereAreNoSpansAndNoTraceInTheEvents() throws Exception {
        CommandResult opened = TestConfig.with(Map.of("allframe.telemetry.enabled", "false"), () -> {
            try (WeldContainer container = start()) {
                return container.select(CommandBus.class).get().dispatch(new OpenAccount("A-1", "Ada"));
            }
        });

        assertThat(spans()).isEmpty();
        assertThat(opened.events().get(0).metadata()).isEmpty();
    }

    @Test
    void aSettingThatIsNotABooleanIsNamed() {
        assertThatThrownBy(() -> TestConfig.with(Map.of("allframe.telemetry.enabled", "maybe"), () -> {
            try (WeldContainer container = start()) {
                return null;
            }
        })).hasMessageContaining("AF1010: Configuration value 'maybe' of allframe.telemetry.enabled is invalid:"
                + " expected true or false");
    }

    /** The parents of the spans named {@code name} in {@code root}'s trace. */
    private static List<String> inTrace(SpanData root, String name) {
        return spans().stream().filter(s -> s.getName().equals(name) && s.getTraceId().equals(root.getTraceId()))
                .map(SpanData::getParentSpanId).toList();
    }

    private static List<SpanData> spans() {
        return Spans.EXPORTED.getFinishedSpanItems();
    }

    private static SpanData single(String name) {
        List<SpanData> named = spans().stream().filter(span -> span.getName().equals(name)).toList();
        assertThat(named).as("spans named '%s' among %s", name, spans().stream().map(SpanData::getName).toList())
                .hasSize(1);
        return named.get(0);
    }
}
