package dev.lifeboat.activities;

import java.net.http.HttpRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Adds a runbook's headers to an HTTP request without ever printing a header's value. */
public final class RequestHeaders {
  private RequestHeaders() {}

  /**
   * An unmodifiable copy in the given order, for a request record; null means no headers.
   *
   * @throws IllegalArgumentException naming a header without a name or value
   */
  public static Map<String, String> copyOf(Map<String, String> headers) {
    Map<String, String> copy = new LinkedHashMap<>();
    (headers == null ? Map.<String, String>of() : headers)
        .forEach(
            (name, value) -> {
              if (name == null || value == null) {
                throw new IllegalArgumentException("header '" + name + "' has no value");
              }
              copy.put(name, value);
            });
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Sets each header on {@code builder}.
   *
   * @param call what is being sent, for the message, e.g. {@code GET https://host/health}
   * @throws io.temporal.failure.ApplicationFailure BAD_INPUT naming the header (never its value)
   *     when the JDK refuses it
   */
  public static HttpRequest.Builder add(
      HttpRequest.Builder builder, Map<String, String> headers, String call) {
    for (Map.Entry<String, String> header : headers.entrySet()) {
      try {
        builder.header(header.getKey(), header.getValue());
      } catch (IllegalArgumentException e) {
        // The JDK's message is not repeated: it could one day include the value.
        throw StepFailures.of(
            StepFailureType.BAD_INPUT,
            call
                + ": header '"
                + header.getKey()
                + "' cannot be sent: the client sets it itself (Host, Content-Length,"
                + " Connection…) or its name or value is not valid HTTP (value not shown)");
      }
    }
    return builder;
  }
}
