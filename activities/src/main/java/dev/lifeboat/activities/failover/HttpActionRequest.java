package dev.lifeboat.activities.failover;

import dev.lifeboat.activities.RequestHeaders;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One HTTP call to a load-balancer, DNS or similar API.
 *
 * @param method an HTTP method such as {@code PUT}; upper case letters only
 * @param headers sent in order; values often carry API tokens and are never printed. A value
 *     written {@code env:NAME} or {@code file:/path} is a reference: the worker reads the secret
 *     when it sends the request, so the request (and the run's record) holds only the reference
 * @param body sent as given (set a {@code Content-Type} header for it); null sends no body
 * @param expectStatus the status that means success; 0 accepts any 2xx, since APIs differ on
 *     whether an accepted change answers 200, 201, 202 or 204
 * @param timeout for the whole exchange; 30 seconds when not given
 */
public record HttpActionRequest(
    String method,
    String url,
    Map<String, String> headers,
    String body,
    int expectStatus,
    Duration timeout) {
  private static final Pattern METHOD = Pattern.compile("[A-Z]+");

  public HttpActionRequest {
    if (method == null || !METHOD.matcher(method).matches()) {
      throw new IllegalArgumentException(
          "method must be an HTTP method in capitals such as PUT, was '" + method + "'");
    }
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("url is required");
    }
    headers = RequestHeaders.copyOf(headers);
    if (expectStatus != 0 && (expectStatus < 100 || expectStatus > 599)) {
      throw new IllegalArgumentException(
          "expectStatus must be an HTTP status (100-599), or 0 for any 2xx; was " + expectStatus);
    }
    timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, was " + timeout);
    }
  }

  /** Whether {@code status} is the one asked for. */
  public boolean expects(int status) {
    return expectStatus == 0 ? status >= 200 && status < 300 : status == expectStatus;
  }

  /** Shows header names and the body's size only: values and bodies may carry secrets. */
  @Override
  public String toString() {
    int queryAt = url.indexOf('?');
    return "HttpActionRequest["
        + method
        + " "
        + (queryAt < 0 ? url : url.substring(0, queryAt) + "?…")
        + ", headers="
        + headers.keySet()
        + ", body="
        + (body == null ? "none" : body.length() + " chars")
        + ", expectStatus="
        + (expectStatus == 0 ? "2xx" : expectStatus)
        + ", timeout="
        + timeout
        + "]";
  }
}
