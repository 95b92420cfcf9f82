package dev.lifeboat.app.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;

/** How the API reads requests and answers failures, whichever resource is asked. */
public final class ApiSetup {
  private ApiSetup() {}

  /** The service's JSON, made strict; returns {@code json}. */
  public static ObjectMapper strictJson(ObjectMapper json) {
    // A field the API does not know is a mistake worth reporting, not something to ignore.
    json.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    // Auditors read times: ISO-8601, not seconds since 1970.
    json.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    return json;
  }

  /**
   * Every failure answered as a JSON {@link ApiError} (Dropwizard's default mappers off, Jetty's
   * own error pages replaced), and every request bounded before any resource sees it.
   */
  public static void install(Environment environment, ServerFactory server, ObjectMapper json) {
    if (server instanceof DefaultServerFactory defaults) {
      defaults.setRegisterDefaultExceptionMappers(false);
    }
    ErrorMappers.register(environment.jersey());
    guardRequests(environment, json);
    JsonErrorHandler errors = new JsonErrorHandler(json);
    environment.getApplicationContext().setErrorHandler(errors);
    environment.lifecycle().addServerLifecycleListener(jetty -> jetty.setErrorHandler(errors));
  }

  /**
   * Limits what a request may be before any resource sees it: a bounded body, and JSON in which a
   * repeated key is an error rather than "last one wins" (which let {"mode":"drill","mode":
   * "recovery"} pass a reviewer's eye as a drill).
   */
  private static void guardRequests(Environment environment, ObjectMapper json) {
    json.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    environment
        .servlets()
        .addFilter("request-size-limit", new RequestSizeLimit(RequestSizeLimit.DEFAULT_LIMIT, json))
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
  }
}
