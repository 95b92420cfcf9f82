package dev.lifeboat.activities;

import java.net.URI;

/**
 * Prints URLs without their query string, user info or fragment: webhook and probe URLs often carry
 * tokens there, and messages end up in logs, run records and reports.
 */
public final class SafeUrls {
  private SafeUrls() {}

  /** {@code scheme://host[:port]/path} of the URI. */
  public static String display(URI uri) {
    StringBuilder out = new StringBuilder();
    if (uri.getScheme() != null) {
      out.append(uri.getScheme()).append("://");
    }
    if (uri.getHost() != null) {
      out.append(uri.getHost());
    }
    if (uri.getPort() != -1) {
      out.append(':').append(uri.getPort());
    }
    if (uri.getRawPath() != null) {
      out.append(uri.getRawPath());
    }
    return out.toString();
  }

  /**
   * Parses an http(s) URL given in a runbook, or explains why it cannot be used. The explanation
   * never repeats the query string.
   */
  public static URI parseHttp(String url) {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (java.net.URISyntaxException e) {
      String shown = url.contains("?") ? url.substring(0, url.indexOf('?')) + "?…" : url;
      throw StepFailures.of(
          StepFailureType.BAD_INPUT, "'" + shown + "' is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw StepFailures.of(
          StepFailureType.BAD_INPUT, "'" + display(uri) + "' is not an http or https URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw StepFailures.of(StepFailureType.BAD_INPUT, "'" + display(uri) + "' has no host name");
    }
    return uri;
  }
}
