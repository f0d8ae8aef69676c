package dev.allframe.benchmarks.baseline;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The baseline's REST API, below the same context root as the sample's ({@code /bank}). */
@ApplicationPath("/")
public class BaselineApplication extends Application {
}
