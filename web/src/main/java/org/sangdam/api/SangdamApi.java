package org.sangdam.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON REST API, under {@code /sangdam/api}. Resources translate HTTP to one service call each. */
@ApplicationPath("/api")
public class SangdamApi extends Application {
}
