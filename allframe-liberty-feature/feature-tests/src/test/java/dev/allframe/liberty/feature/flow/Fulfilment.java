package dev.allframe.liberty.feature.flow;

/** The input of the saga "fulfil". */
public record Fulfilment(String order, boolean courierAvailable) {
}
