package dev.allframe.liberty;

import dev.allframe.Handlers;
import dev.allframe.cdi.AllFrameExtension;
import dev.allframe.projection.Projection;
import dev.allframe.saga.SagaStep;
import io.openliberty.cdi.spi.CDIExtensionMetadata;
import jakarta.enterprise.inject.spi.Extension;
import java.lang.annotation.Annotation;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;

/**
 * Tells Open Liberty's CDI about AllFrame. Inside a user feature the extension is not found through
 * {@code META-INF/services}, and the annotations declared in the feature's bundle are not bean-defining
 * for applications unless they are listed here.
 */
@Component(service = CDIExtensionMetadata.class, configurationPolicy = ConfigurationPolicy.IGNORE)
public final class AllFrameCdiExtensionMetadata implements CDIExtensionMetadata {

    /**
     * The annotations that make an application class a bean under annotated discovery: every
     * bean-defining annotation of the API belongs here.
     */
    static final Set<Class<? extends Annotation>> BEAN_DEFINING_ANNOTATIONS = Set.of(Handlers.class, Projection.class,
            SagaStep.class);

    @Override
    public Set<Class<? extends Extension>> getExtensions() {
        return Set.of(AllFrameExtension.class);
    }

    @Override
    public Set<Class<? extends Annotation>> getBeanDefiningAnnotationClasses() {
        return BEAN_DEFINING_ANNOTATIONS;
    }
}
