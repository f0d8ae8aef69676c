package dev.allframe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Stereotype;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean-defining stereotype for classes holding {@link CommandHandler} and {@link QueryHandler}
 * methods: the class is discovered under CDI's annotated discovery mode (an empty or missing
 * {@code beans.xml}) and is {@link ApplicationScoped}. Any other bean-defining annotation, such as
 * {@code @ApplicationScoped}, {@code @RequestScoped} or {@code @Dependent}, works as well.
 */
@Documented
@Stereotype
@ApplicationScoped
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Handlers {
}
