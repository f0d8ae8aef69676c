package dev.allframe.it.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandResult;
import dev.allframe.it.Deployments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A WAR without any {@code beans.xml} (CDI's annotated discovery) whose handler class carries only
 * {@code @Handlers}: Liberty must see the stereotype from AllFrame's jar as bean-defining.
 */
@ExtendWith(ArquillianExtension.class)
class HandlersStereotypeIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.application("stereotype").addClasses(Ping.class, Pinged.class, PingHandlers.class);
    }

    @Inject
    ServletContext servletContext;

    @Inject
    BeanManager beanManager;

    @Inject
    CommandBus commands;

    @Test
    void theApplicationHasNoBeansXml() throws Exception {
        assertNull(servletContext.getResource("/WEB-INF/beans.xml"));
        assertNull(servletContext.getResource("/WEB-INF/classes/META-INF/beans.xml"));
    }

    @Test
    void aClassAnnotatedOnlyWithHandlersIsAnApplicationScopedBean() {
        Set<Bean<?>> beans = beanManager.getBeans(PingHandlers.class);

        assertEquals(1, beans.size(), "PingHandlers was not discovered as a bean");
        Bean<?> bean = beans.iterator().next();
        assertEquals(PingHandlers.class, bean.getBeanClass());
        assertEquals(ApplicationScoped.class, bean.getScope());
    }

    @Test
    void itsHandlerHandlesCommands() {
        CommandResult result = commands.dispatch(new Ping("general"));

        assertEquals("general", result.streamId());
        assertEquals(new Pinged("general"), result.events().get(0).event());
    }
}
