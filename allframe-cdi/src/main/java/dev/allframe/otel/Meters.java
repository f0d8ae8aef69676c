package dev.allframe.otel;

import dev.allframe.core.telemetry.Telemetry;
import dev.allframe.projection.ProjectionMode;
import dev.allframe.projection.ProjectionStatus;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * AllFrame's metrics: commands by type and outcome with their durations, retries after conflicts, appended events,
 * projection batches with their events and durations, sagas by outcome, step executions and compensations with their
 * durations; and, as they are when read, each projection's lag in events and in seconds and its parked events.
 */
final class Meters {

    static final AttributeKey<String> COMMAND = AttributeKey.stringKey("allframe.command.type");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("allframe.outcome");
    static final AttributeKey<String> PROJECTION = AttributeKey.stringKey("allframe.projection");
    static final AttributeKey<String> SAGA = AttributeKey.stringKey("allframe.saga");
    static final AttributeKey<String> STEP = AttributeKey.stringKey("allframe.saga.step.name");
    static final AttributeKey<String> ACTION = AttributeKey.stringKey("allframe.saga.action");
    static final AttributeKey<String> COMPONENT = AttributeKey.stringKey("allframe.component");

    private final Meter meter;
    private final LongCounter commands;
    private final DoubleHistogram commandDuration;
    private final LongCounter retries;
    private final LongCounter appended;
    private final LongCounter projected;
    private final DoubleHistogram batchDuration;
    private final LongCounter sagas;
    private final DoubleHistogram stepDuration;
    private final LongCounter projectionsTaken;
    private final LongCounter sagasRecovered;
    private final LongCounter breakdowns;
    private final LongHistogram commitAppends;

    Meters(Meter meter) {
        this.meter = meter;
        commands = meter.counterBuilder("allframe.commands").setUnit("{command}")
                .setDescription("Commands dispatched, by type and outcome").build();
        commandDuration = meter.histogramBuilder("allframe.command.duration").setUnit("s")
                .setDescription("How long a dispatch took, from validation to its answer").build();
        retries = meter.counterBuilder("allframe.command.retries").setUnit("{retry}")
                .setDescription("Commands tried again after a concurrency conflict").build();
        appended = meter.counterBuilder("allframe.events.appended").setUnit("{event}")
                .setDescription("Events commands appended").build();
        projected = meter.counterBuilder("allframe.projection.events").setUnit("{event}")
                .setDescription("Events async projections applied, by projection").build();
        batchDuration = meter.histogramBuilder("allframe.projection.batch.duration").setUnit("s")
                .setDescription("How long an async projection's batch took, by projection and outcome").build();
        sagas = meter.counterBuilder("allframe.sagas").setUnit("{saga}")
                .setDescription("Sagas that ended, by saga and outcome").build();
        stepDuration = meter.histogramBuilder("allframe.saga.step.duration").setUnit("s")
                .setDescription("How long a step's execution or compensation took, by saga, step and outcome").build();
        projectionsTaken = meter.counterBuilder("allframe.projection.leases.taken").setUnit("{lease}")
                .setDescription("Projections this server took the lease of, by projection").build();
        sagasRecovered = meter.counterBuilder("allframe.sagas.recovered").setUnit("{saga}")
                .setDescription("Unfinished sagas this server took over, by saga").build();
        commitAppends = meter.histogramBuilder("allframe.append.commit.appends").ofLongs().setUnit("{append}")
                .setDescription("How many appends the store committed together in one transaction").build();
        breakdowns = meter.counterBuilder("allframe.breakdowns").setUnit("{breakdown}")
                .setDescription("Components of AllFrame that could not go on, by component").build();
    }

    void committedTogether(int appends) {
        commitAppends.record(appends);
    }

    void brokeDown(String component) {
        breakdowns.add(1, Attributes.of(COMPONENT, component));
    }

    void projectionTaken(String projection) {
        projectionsTaken.add(1, Attributes.of(PROJECTION, projection));
    }

    void sagaRecovered(String saga) {
        sagasRecovered.add(1, Attributes.of(SAGA, saga));
    }

    void commandEnded(String type, String outcome, double seconds) {
        Attributes attributes = Attributes.of(COMMAND, type, OUTCOME, outcome == null ? "failed" : outcome);
        commands.add(1, attributes);
        commandDuration.record(seconds, attributes);
    }

    void retried(String type) {
        retries.add(1, Attributes.of(COMMAND, type));
    }

    void appended(long events) {
        appended.add(events);
    }

    void batchEnded(String projection, long events, boolean failed, double seconds) {
        if (!failed) {
            projected.add(events, Attributes.of(PROJECTION, projection));
        }
        batchDuration.record(seconds, Attributes.of(PROJECTION, projection, OUTCOME, failed ? "failed" : "applied"));
    }

    void sagaEnded(String saga, String outcome) {
        sagas.add(1, Attributes.of(SAGA, saga, OUTCOME, outcome));
    }

    void stepEnded(String saga, String step, boolean compensation, boolean failed, double seconds) {
        stepDuration.record(seconds, Attributes.of(SAGA, saga, STEP, step, ACTION,
                compensation ? "compensate" : "execute", OUTCOME, failed ? "failed" : "succeeded"));
    }

    /** Gauges read from the projections' statuses each time the metrics are collected. */
    Telemetry.Scope observe(Supplier<List<ProjectionStatus>> statuses, Function<ProjectionStatus, Duration> lagAge) {
        ObservableLongGauge lag = meter.gaugeBuilder("allframe.projection.lag").ofLongs().setUnit("{event}")
                .setDescription("How many events an async projection has not applied yet")
                .buildWithCallback(measurement -> async(statuses).forEach(status ->
                        measurement.record(status.lag(), Attributes.of(PROJECTION, status.name()))));
        ObservableLongGauge age = meter.gaugeBuilder("allframe.projection.lag.age").ofLongs().setUnit("s")
                .setDescription("How old the oldest event an async projection has not applied is")
                .buildWithCallback(measurement -> async(statuses).forEach(status ->
                        measurement.record(lagAge.apply(status).toSeconds(),
                                Attributes.of(PROJECTION, status.name()))));
        ObservableLongGauge parked = meter.gaugeBuilder("allframe.projection.parked").ofLongs().setUnit("{event}")
                .setDescription("How many events an async projection parked")
                .buildWithCallback(measurement -> async(statuses).forEach(status ->
                        measurement.record(status.parked(), Attributes.of(PROJECTION, status.name()))));
        return () -> {
            lag.close();
            age.close();
            parked.close();
        };
    }

    private static List<ProjectionStatus> async(Supplier<List<ProjectionStatus>> statuses) {
        return statuses.get().stream().filter(status -> status.mode() == ProjectionMode.ASYNC).toList();
    }
}
