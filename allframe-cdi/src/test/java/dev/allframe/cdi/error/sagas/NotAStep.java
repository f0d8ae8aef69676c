package dev.allframe.cdi.error.sagas;

import dev.allframe.saga.SagaStep;

@SagaStep(saga = "pay", order = 2)
public class NotAStep {

    public void execute(String transfer) {
    }
}
