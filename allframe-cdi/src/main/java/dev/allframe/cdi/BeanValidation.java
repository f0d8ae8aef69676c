package dev.allframe.cdi;

import dev.allframe.AllFrameMessage;
import dev.allframe.core.dispatch.BeanValidationMessageValidator;
import dev.allframe.core.dispatch.MessageValidator;
import jakarta.validation.Validation;
import jakarta.validation.ValidationException;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Optional;

/** The parts of validation support that need the Jakarta Validation API; loaded only when it is present. */
final class BeanValidation {

    private BeanValidation() {
    }

    static boolean providerAvailable() {
        try {
            Validation.byDefaultProvider().configure();
            return true;
        } catch (ValidationException | LinkageError e) {
            return false;
        }
    }

    /**
     * What keeps the default provider from starting, if anything: it makes its default message interpolator, as
     * it does when a validator factory is built, which is where Hibernate Validator needs Jakarta EL.
     */
    static Optional<AllFrameMessage> startProblem() {
        try {
            Validation.byDefaultProvider().configure().getDefaultMessageInterpolator();
            return Optional.empty();
        } catch (ValidationException | LinkageError e) {
            return Optional.of(ValidationSupport.startFailure(e, ValidationSupport.expressionLanguageMissing()));
        }
    }

    /** The container's {@link Validator} bean, else one from the default provider, else none. */
    static MessageValidator create(ContainerBeans beans) {
        Optional<Validator> container = beans.find(Validator.class);
        if (container.isPresent()) {
            return new BeanValidationMessageValidator(container.get());
        }
        if (!providerAvailable()) {
            return MessageValidator.NONE;
        }
        ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
        return new FactoryOwningValidator(new BeanValidationMessageValidator(factory.getValidator()), factory);
    }

    /** A validator that closes the factory it was made by. */
    private record FactoryOwningValidator(MessageValidator delegate, ValidatorFactory factory)
            implements MessageValidator, AutoCloseable {

        @Override
        public void validate(Object message) {
            delegate.validate(message);
        }

        @Override
        public void close() {
            factory.close();
        }
    }
}
