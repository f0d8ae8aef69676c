package dev.allframe.test;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 side of {@link dev.allframe.test.AllFrameTest}: a container of its own for each test, started before
 * it (the test instance injected from it) and shut down after it, and the test's {@link AllFrameFixture} for a
 * parameter that asks for one.
 */
final class AllFrameTestExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(AllFrameTestExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        TestContainer container = TestContainer.start(context.getRequiredTestClass(),
                context.getTestMethod().orElse(null));
        context.getStore(NAMESPACE).put(TestContainer.class, container);
        container.inject(context.getRequiredTestInstance());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestContainer container = context.getStore(NAMESPACE).remove(TestContainer.class, TestContainer.class);
        if (container != null) {
            container.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == AllFrameFixture.class
                && parameter.getDeclaringExecutable() instanceof java.lang.reflect.Method;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestContainer container = context.getStore(NAMESPACE).get(TestContainer.class, TestContainer.class);
        if (container == null) {
            throw new ParameterResolutionException("An AllFrameFixture exists for test methods of an @AllFrameTest"
                    + " class only, while the test runs");
        }
        return container.fixture();
    }
}
