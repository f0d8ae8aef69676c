package com.example.library;

import dev.allframe.saga.SagaStep;

@SagaStep(saga = "lend-two", order = 1)
public class LendFirst extends LendOne {

    @Override
    String isbn(TwoBooks books) {
        return books.first();
    }
}
