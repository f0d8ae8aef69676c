package dev.allframe.core.handler;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The annotation types a class file names, read from its bytes as when reflection has dropped them. */
class ClassFileAnnotationsTest {

    record Signup(@NotBlank String name, List<@Email String> emails,
                  @Pattern.List({@Pattern(regexp = "a.*"), @Pattern(regexp = ".*z")}) String code) {
    }

    @Deprecated
    static class Base {
        @Positive
        int count;
    }

    static class Order extends Base {
        @Valid
        Object line;

        void rename(@Size(max = 3) String name) {
        }
    }

    record Plain(String id) {
    }

    @Test
    void recordComponentsTypeUsesAndNestedAnnotationsAreFound() {
        assertThat(ClassFileAnnotations.named(Signup.class, "jakarta.validation.")).containsExactly(
                "jakarta.validation.constraints.Email", "jakarta.validation.constraints.NotBlank",
                "jakarta.validation.constraints.Pattern", "jakarta.validation.constraints.Pattern$List");
    }

    @Test
    void fieldsMethodParametersAndSuperclassesAreFoundAndOtherPackagesLeftOut() {
        assertThat(ClassFileAnnotations.named(Order.class, "jakarta.validation.")).containsExactly(
                "jakarta.validation.Valid", "jakarta.validation.constraints.Positive",
                "jakarta.validation.constraints.Size");
        assertThat(ClassFileAnnotations.of(Base.class)).contains("java.lang.Deprecated");
    }

    @Test
    void aClassWithoutConstraintsHasNone() {
        assertThat(ClassFileAnnotations.named(Plain.class, "jakarta.validation.")).isEmpty();
        assertThat(ClassFileAnnotations.named(String.class, "jakarta.validation.")).isEmpty();
    }
}
