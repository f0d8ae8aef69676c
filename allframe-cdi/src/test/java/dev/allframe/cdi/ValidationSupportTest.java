package dev.allframe.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.bank.AccountCommands;
import dev.allframe.bank.Deposit;
import dev.allframe.command.CommandHandler;
import dev.allframe.core.Problems;
import dev.allframe.core.handler.HandlerCatalog;
import dev.allframe.core.handler.HandlerKind;
import dev.allframe.core.handler.HandlerMethod;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ValidationSupportTest {

    record Plain(String id) {
    }

    @Test
    void constraintsAreFoundOnRecordComponents() {
        assertThat(ValidationSupport.declaresConstraints(Deposit.class)).isTrue();
        assertThat(ValidationSupport.declaresConstraints(Plain.class)).isFalse();
    }

    @Test
    void constrainedMessagesWithoutAProviderAreADeploymentProblem() {
        Problems problems = new Problems();

        ValidationSupport.checkProvider(bankCatalog(), problems, () -> false);

        String advice = " declares Jakarta Validation constraints, but no Jakarta Validation provider is available"
                + " (enable Liberty's beanValidation-3.0 feature or add a provider such as Hibernate Validator)";
        assertThat(problems.messages()).map(String::valueOf).containsExactly(
                "AF1014: dev.allframe.bank.Deposit" + advice,
                "AF1014: dev.allframe.bank.OpenAccount" + advice,
                "AF1014: dev.allframe.bank.Withdraw" + advice);
    }

    @Test
    void constrainedMessagesWithAProviderAreFine() {
        Problems problems = new Problems();

        ValidationSupport.checkProvider(bankCatalog(), problems, () -> true);

        assertThat(problems.messages()).isEmpty();
    }

    private static HandlerCatalog bankCatalog() {
        Problems problems = new Problems();
        HandlerCatalog catalog = HandlerCatalog.build(Arrays.stream(AccountCommands.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(CommandHandler.class))
                .map(m -> new HandlerMethod(AccountCommands.class, m, HandlerKind.COMMAND,
                        m.getAnnotation(CommandHandler.class).createsStream()))
                .toList(), problems);
        assertThat(problems.messages()).isEmpty();
        return catalog;
    }
}
