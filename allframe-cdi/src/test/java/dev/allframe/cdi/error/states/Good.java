package dev.allframe.cdi.error.states;

public class Good {
}
