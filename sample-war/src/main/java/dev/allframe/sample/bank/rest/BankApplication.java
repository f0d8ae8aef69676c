package dev.allframe.sample.bank.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The bank's REST API, below the application's context root ({@code /bank}). */
@ApplicationPath("/")
public class BankApplication extends Application {
}
