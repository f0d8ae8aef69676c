package com.example.library;

import dev.allframe.saga.SagaStep;

@SagaStep(saga = "lend-two", order = 2)
public class LendSecond extends LendOne {

    @Override
    String isbn(TwoBooks books) {
        return books.second();
    }
}
