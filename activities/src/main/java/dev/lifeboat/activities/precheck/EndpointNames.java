package dev.lifeboat.activities.precheck;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Resolves the host name of an endpoint a step would call ({@code http(s)://…}, or {@code
 * tcp://host:port} for a TCP health check). Sends nothing: a request to a load balancer or DNS API
 * could act. Only the host name is printed, since the rest of a URL (a webhook path, a query) may
 * carry a token.
 */
final class EndpointNames {
  /** What a secret placeholder reads as while the URL is parsed; no real host name holds it. */
  private static final String STAND_IN = "lifeboat-secret-" + "stand-in";

  CheckLine check(String stepId, String url) {
    // A secret placeholder is a stand-in for a value read at the moment of use: not a URL part.
    String shape = url.replaceAll("\\$\\{secret:[^}]*}", STAND_IN);
    String host;
    String scheme;
    try {
      URI uri = new URI(shape);
      host = uri.getHost();
      scheme = uri.getScheme();
    } catch (URISyntaxException e) {
      host = null;
      scheme = null;
    }
    if (host == null) {
      return CheckLine.fail(stepId, "http endpoint", "the url has no host name to resolve");
    }
    if (host.contains(STAND_IN)) {
      return CheckLine.warn(
          stepId, "http endpoint", "the host name holds a secret; it is not resolved here");
    }
    String check = scheme + " " + host;
    try {
      String addresses =
          Arrays.stream(InetAddress.getAllByName(host))
              .map(InetAddress::getHostAddress)
              .distinct()
              .limit(4)
              .collect(Collectors.joining(", "));
      return CheckLine.ok(stepId, check, "resolves to " + addresses + " (no request sent)");
    } catch (UnknownHostException e) {
      return CheckLine.fail(stepId, check, "host name does not resolve: " + e.getMessage());
    }
  }
}
