package dev.allframe.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.bank.AccountCommands;
import dev.allframe.cdi.ValidationSupport.Availability;
import dev.allframe.bank.Deposit;
import dev.allframe.command.CommandHandler;
import dev.allframe.core.Problems;
import dev.allframe.core.handler.HandlerCatalog;
import dev.allframe.core.handler.HandlerKind;
import dev.allframe.core.handler.HandlerMethod;
import java.util.Arrays;
import java.util.Optional;
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

        ValidationSupport.check(bankCatalog(), problems, Availability.NO_PROVIDER, Optional::empty);

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

        ValidationSupport.check(bankCatalog(), problems, Availability.PROVIDER, Optional::empty);

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

    @Test
    void aProviderThatCannotStartIsADeploymentProblemOnce() {
        Problems problems = new Problems();

        ValidationSupport.check(bankCatalog(), problems, Availability.PROVIDER,
                () -> Optional.of(ValidationSupport.startFailure(new IllegalStateException("no resource bundle"),
                        Optional.empty())));

        assertThat(problems.messages()).map(String::valueOf).containsExactly("AF1078: Jakarta Validation cannot"
                + " start, so commands and queries cannot be validated: java.lang.IllegalStateException: no resource"
                + " bundle");
    }

    @Test
    void aProviderThatCannotStartForWantOfExpressionLanguageSaysWhichJarToAdd() {
        assertThat(ValidationSupport.startFailure(new IllegalStateException("HV000183"),
                Optional.of("class jakarta.el.ExpressionFactory cannot be loaded"))).hasToString("AF1077: Jakarta"
                + " Validation cannot start: its provider interpolates constraint messages with Jakarta Expression"
                + " Language, but finds no implementation of jakarta.el.ExpressionFactory (class"
                + " jakarta.el.ExpressionFactory cannot be loaded): add org.glassfish.expressly:expressly or another"
                + " Jakarta EL implementation");
        assertThat(ValidationSupport.startFailure(new NoClassDefFoundError("jakarta/validation/Path$Node"),
                Optional.empty())).hasToString("AF1078: Jakarta Validation cannot start, so commands and queries"
                + " cannot be validated: class jakarta.validation.Path$Node cannot be loaded (add"
                + " jakarta.validation:jakarta.validation-api)");
    }

    @Test
    void withTheValidationApiAndAProviderHereAnExpressionFactoryIsMade() {
        assertThat(ValidationSupport.expressionLanguageMissing()).isEmpty();
    }
}
