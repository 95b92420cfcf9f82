package dev.lifeboat.activities.failover;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * {@code http} (and {@code start-failover} with {@code http}): one call to a load-balancer or DNS
 * API, succeeding when it answers the expected status.
 *
 * <p>Failures: a 5xx, 408 or 429 answer is CHECK_FAILED and retried, as is a connection failure or
 * timeout (UNAVAILABLE); any other unexpected answer is BAD_INPUT and not retried, since sending
 * the same request again will get the same answer. Messages name the method, the URL without its
 * query string, and the status; never header values. A header value written {@code env:NAME} or
 * {@code file:/path} is read from the worker's environment or file system when the call is made
 * (BAD_CONFIG when it cannot be).
 *
 * <p>Idempotency is the API's: a retry sends the same request again, so prefer calls that set a
 * state (PUT a pool member's weight, DELETE a record) over calls that add to one. Timeout: the
 * request's {@code timeout} bounds the whole exchange; no heartbeats, as it is a single call.
 */
@ActivityInterface
public interface HttpActionActivity {
  @ActivityMethod
  HttpActionResult httpAction(HttpActionRequest request);
}
