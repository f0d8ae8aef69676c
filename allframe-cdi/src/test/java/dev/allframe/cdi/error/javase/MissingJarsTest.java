package dev.allframe.cdi.error.javase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.testing.JavaSeProcess;
import dev.allframe.testing.JavaSeProcess.Result;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Java SE application whose class path lacks a jar that Jakarta Validation needs is refused at deployment, with
 * the missing jar named; each case runs in a JVM of its own, on the tests' class path less the jar.
 */
class MissingJarsTest {

    @Test
    void constraintsThatJavaDroppedForWantOfTheValidationApiFailTheDeployment() throws Exception {
        Result result = JavaSeProcess.run(JavaSeApplication.class,
                List.of("jakarta.validation-api", "hibernate-validator"), Map.of());

        assertThat(result.exitStatus()).as("%s", result).isEqualTo(JavaSeProcess.REFUSED);
        assertThat(result.output()).as("%s", result).isEqualTo(oneProblem(
                "AF1076: dev.allframe.cdi.error.javase.Register declares Jakarta Validation constraints whose classes"
                + " cannot be loaded (jakarta.validation.constraints.NotBlank), so Java drops them and nothing would"
                + " check them: enable Liberty's beanValidation-3.0 feature, or add"
                + " jakarta.validation:jakarta.validation-api and a provider such as"
                + " org.hibernate.validator:hibernate-validator"));
    }

    @Test
    void aValidationProviderWithoutAnExpressionLanguageImplementationFailsTheDeployment() throws Exception {
        Result result = JavaSeProcess.run(JavaSeApplication.class, List.of("expressly"), Map.of());

        assertThat(result.exitStatus()).as("%s", result).isEqualTo(JavaSeProcess.REFUSED);
        assertThat(result.output()).as("%s", result).isEqualTo(oneProblem("AF1077: Jakarta Validation cannot start:"
                + " its provider interpolates constraint messages with Jakarta Expression Language, but finds no"
                + " implementation of jakarta.el.ExpressionFactory (class com.sun.el.ExpressionFactoryImpl cannot be"
                + " loaded): add org.glassfish.expressly:expressly or another Jakarta EL implementation"));
    }

    private static String oneProblem(String problem) {
        return "AF1000: AllFrame found 1 deployment problem:\n  " + problem + "\n";
    }
}
