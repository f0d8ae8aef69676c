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
import dev.allframe.cdi.Deployments;
import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandResult;
import dev.allframe.core.telemetry.Telemetry;
import dev.allframe.otel.OpenTelemetryTraces;
import dev.allframe.projection.ProjectionRegistry;
import dev.allframe.saga.SagaOrchestrator;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AllFrame's metrics through the application's OpenTelemetry bean, read with the SDK's in-memory reader. */
class MetricsTest {

    private static final AttributeKey<String> COMMAND = AttributeKey.stringKey("allframe.command.type");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("allframe.outcome");
    private static final AttributeKey<String> PROJECTION = AttributeKey.stringKey("allframe.projection");

    @BeforeEach
    void forgetEarlierMeasurements() {
        Spans.METRICS.collectAllMetrics();
    }

    @Test
    void commandsProjectionsAndSagasAreCountedAndTimed() throws Exception {
        Collection<MetricData> metrics;
        try (WeldContainer container = Deployments.weld(AccountCommands.class, AccountQueries.class,
                DebitSource.class, CreditTarget.class, AccountLines.class, Spans.class).initialize()) {
            CommandBus commands = container.select(CommandBus.class).get();
            commands.dispatch(new OpenAccount("A-1", "Ada"));
            CommandResult deposited = commands.dispatch(new Deposit("A-1", new BigDecimal("100")));
            assertThatThrownBy(() -> commands.dispatch(new Deposit("nobody", BigDecimal.ONE)));
            container.select(SagaOrchestrator.class).get().start("transfer",
                    new Transfer("A-1", "B-2", new BigDecimal("30")));
            long head = container.select(dev.allframe.spi.event.EventStore.class).get().headPosition();
            assertThat(container.select(ProjectionRegistry.class).get().awaitPosition("account-lines", head,
                    Duration.ofSeconds(10))).isTrue();
            metrics = Spans.METRICS.collectAllMetrics();
        }

        assertThat(sum(metrics, "allframe.commands", Attributes.of(COMMAND, "dev.allframe.bank.OpenAccount",
                OUTCOME, "stored"))).isEqualTo(1);
        assertThat(sum(metrics, "allframe.commands", Attributes.of(COMMAND, "dev.allframe.bank.Deposit",
                OUTCOME, "stored"))).as("the deposit, and the saga's deposit back").isEqualTo(2);
        assertThat(sum(metrics, "allframe.commands", Attributes.of(COMMAND, "dev.allframe.bank.Deposit",
                OUTCOME, "rejected"))).as("to nobody, and the saga's credit").isEqualTo(2);
        assertThat(histogramCount(metrics, "allframe.command.duration")).as("three, and four of the saga's steps")
                .isEqualTo(7);
        assertThat(total(metrics, "allframe.events.appended")).isEqualTo(4);
        assertThat(sum(metrics, "allframe.projection.events", Attributes.of(PROJECTION, "account-lines")))
                .isEqualTo(4);
        assertThat(sum(metrics, "allframe.sagas", Attributes.of(AttributeKey.stringKey("allframe.saga"), "transfer",
                OUTCOME, "COMPENSATED"))).isEqualTo(1);
        assertThat(histogramCount(metrics, "allframe.saga.step.duration")).as("debit, credit, two compensations")
                .isEqualTo(4);
        assertThat(gauge(metrics, "allframe.projection.lag", Attributes.of(PROJECTION, "account-lines")))
                .isZero();
        assertThat(gauge(metrics, "allframe.projection.lag.age", Attributes.of(PROJECTION, "account-lines")))
                .isZero();
        assertThat(gauge(metrics, "allframe.projection.parked", Attributes.of(PROJECTION, "account-lines")))
                .isZero();
    }

    @Test
    void aPausedProjectionsLagIsMeasuredInEventsAndInTime() throws Exception {
        Collection<MetricData> metrics;
        try (WeldContainer container = Deployments.weld(AccountCommands.class, AccountQueries.class,
                AccountLines.class, Spans.class).initialize()) {
            CommandBus commands = container.select(CommandBus.class).get();
            ProjectionRegistry projections = container.select(ProjectionRegistry.class).get();
            CommandResult opened = commands.dispatch(new OpenAccount("A-1", "Ada"));
            assertThat(projections.awaitPosition("account-lines", opened.lastPosition(), Duration.ofSeconds(10)))
                    .isTrue();
            projections.pause("account-lines");
            commands.dispatch(new Deposit("A-1", BigDecimal.ONE));
            commands.dispatch(new Deposit("A-1", BigDecimal.TEN));
            metrics = Spans.METRICS.collectAllMetrics();
        }

        assertThat(gauge(metrics, "allframe.projection.lag", Attributes.of(PROJECTION, "account-lines")))
                .isEqualTo(2);
        assertThat(gauge(metrics, "allframe.projection.lag.age", Attributes.of(PROJECTION, "account-lines")))
                .isNotNegative();
    }

    @Test
    void leaseTakesAndSagaRecoveriesAreCounted() {
        InMemoryMetricReader reader = InMemoryMetricReader.create();
        try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(reader).build()).build()) {
            Telemetry telemetry = OpenTelemetryTraces.of(sdk);
            telemetry.projectionTaken("ledger");
            telemetry.projectionTaken("ledger");
            telemetry.sagaRecovered("transfer", UUID.randomUUID(), null).end();

            Collection<MetricData> metrics = reader.collectAllMetrics();
            assertThat(sum(metrics, "allframe.projection.leases.taken", Attributes.of(PROJECTION, "ledger")))
                    .isEqualTo(2);
            assertThat(sum(metrics, "allframe.sagas.recovered",
                    Attributes.of(AttributeKey.stringKey("allframe.saga"), "transfer"))).isEqualTo(1);
        }
    }

    private static MetricData metric(Collection<MetricData> metrics, String name) {
        List<MetricData> named = metrics.stream().filter(m -> m.getName().equals(name)).toList();
        assertThat(named).as("metric %s among %s", name, metrics.stream().map(MetricData::getName).toList())
                .hasSize(1);
        return named.get(0);
    }

    private static long sum(Collection<MetricData> metrics, String name, Attributes attributes) {
        return metric(metrics, name).getLongSumData().getPoints().stream()
                .filter(point -> point.getAttributes().equals(attributes)).mapToLong(LongPointData::getValue).sum();
    }

    private static long total(Collection<MetricData> metrics, String name) {
        return metric(metrics, name).getLongSumData().getPoints().stream().mapToLong(LongPointData::getValue).sum();
    }

    private static long histogramCount(Collection<MetricData> metrics, String name) {
        return metric(metrics, name).getHistogramData().getPoints().stream().mapToLong(HistogramPointData::getCount)
                .sum();
    }

    private static long gauge(Collection<MetricData> metrics, String name, Attributes attributes) {
        return metric(metrics, name).getLongGaugeData().getPoints().stream()
                .filter(point -> point.getAttributes().equals(attributes)).mapToLong(LongPointData::getValue)
                .findFirst().orElseThrow();
    }
}
