package dev.allframe.it.dispatch;

import dev.allframe.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dispatch tests with AllFrame as a library in the application's {@code WEB-INF/lib}. */
@ExtendWith(ArquillianExtension.class)
class CommandDispatchIT extends CommandDispatchTests {

    @Deployment
    static WebArchive deployment() {
        return withCartApplication(Deployments.application("dispatch"));
    }
}
