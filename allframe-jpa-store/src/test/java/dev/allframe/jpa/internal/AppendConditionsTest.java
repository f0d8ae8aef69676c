package dev.allframe.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.allframe.command.ConcurrencyConflictException;
import dev.allframe.spi.event.AppendCondition;
import dev.allframe.spi.event.AppendRequest;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AppendConditionsTest {

    @Test
    void everyPermittedConditionIsMatched() {
        assertThat(AppendCondition.class.getPermittedSubclasses()).as("the types whose expected versions are tested here")
                .containsExactlyInAnyOrder(AppendCondition.AnyVersion.class, AppendCondition.NoStream.class,
                        AppendCondition.StreamVersionEq.class);
    }

    @Test
    void anyVersionExpectsNoVersionNoStreamZeroAndAnExactVersionItself() {
        assertThat(AppendCondition.any().expectedVersion()).isEqualTo(OptionalLong.empty());
        assertThat(AppendCondition.noStream().expectedVersion()).isEqualTo(OptionalLong.of(0));
        assertThat(AppendCondition.streamVersionEq(7).expectedVersion()).isEqualTo(OptionalLong.of(7));
    }

    @Test
    void aConflictCarriesTheExpectedAndTheActualVersion() {
        ConcurrencyConflictException conflict = AppendConditions.conflict(
                new AppendRequest("a", AppendCondition.streamVersionEq(3), List.of(), null), 5);

        assertThat(conflict.streamId()).isEqualTo("a");
        assertThat(conflict.expectedVersion()).isEqualTo(3);
        assertThat(conflict.actualVersion()).isEqualTo(5);
        assertThat(conflict).hasMessage("AF1104: Stream 'a' is at version 5, but the append expected version 3");
    }

    @Test
    void anAppendToAnyVersionIsNeverReportedAsAConflict() {
        assertThatThrownBy(() -> AppendConditions.conflict(
                new AppendRequest("a", AppendCondition.any(), List.of(), null), 5))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("An append to any version of stream 'a' cannot be refused for its version");
    }
}
