package dev.allframe.quarkus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.allframe.quarkus.broken.Checkout;
import dev.allframe.quarkus.broken.FirstCheckout;
import dev.allframe.quarkus.broken.SecondCheckout;
import dev.allframe.quarkus.broken.Visitors;
import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An application AllFrame cannot run fails Quarkus's build with the problems a CDI Full server reports. */
class BrokenApplicationTest {

    private static final String P = "dev.allframe.quarkus.broken.";

    @RegisterExtension
    static final QuarkusUnitTest BUILD = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Checkout.class, FirstCheckout.class, SecondCheckout.class,
                    Visitors.class))
            // the other tests' applications leave these classes out (application.properties)
            .overrideConfigKey("quarkus.arc.exclude-types", "none.Nothing")
            .assertException(failure -> assertThat(messages(failure)).contains(
                    "AF1000: AllFrame found 2 deployment problems:"
                            + "\n  AF1030: Projection 'visitors' (" + P + "Visitors) is @RequestScoped, but projections run outside"
                            + " requests: make it @ApplicationScoped or @Dependent"
                            + "\n  AF1001: Command type " + P + "Checkout has 2 handlers, it needs exactly one: "
                            + P + "FirstCheckout#checkout(Checkout), " + P + "SecondCheckout#payAndShip(Checkout)"));

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void theBuildFails() {
        fail("the application was built");
    }
}
