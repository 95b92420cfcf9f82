package dev.lifeboat.runbook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.lifeboat.activities.SafeUrls;
import dev.lifeboat.activities.command.CommandRequest;
import dev.lifeboat.activities.failover.HttpActionRequest;
import dev.lifeboat.activities.failover.PromoteStandbyRequest;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * One action of a {@code start-failover} step: exactly one of {@code ssh} (a command on a
 * configured host), {@code promote} (a PostgreSQL standby) and {@code http} (a load-balancer or DNS
 * API call) is set, as in the YAML.
 */
public record FailoverAction(
    CommandRequest ssh, PromoteStandbyRequest promote, HttpActionRequest http) {
  public FailoverAction {
    int set = (ssh == null ? 0 : 1) + (promote == null ? 0 : 1) + (http == null ? 0 : 1);
    if (set != 1) {
      throw new IllegalArgumentException("exactly one of ssh, promote, http must be set");
    }
  }

  public static FailoverAction ssh(CommandRequest request) {
    return new FailoverAction(request, null, null);
  }

  public static FailoverAction promote(PromoteStandbyRequest request) {
    return new FailoverAction(null, request, null);
  }

  public static FailoverAction http(HttpActionRequest request) {
    return new FailoverAction(null, null, request);
  }

  /**
   * What the action does, for summaries and failure messages: {@code ssh standby-1}, {@code promote
   * standby}, {@code PUT https://lb.example/api/pools/db}. A URL is shown without its query string
   * or user info, which may carry tokens.
   */
  @JsonIgnore
  public String describe() {
    if (ssh != null) {
      return "ssh " + ssh.host();
    }
    if (promote != null) {
      return "promote " + promote.server();
    }
    return http.method() + " " + displayUrl(http.url());
  }

  /** The URL's scheme, host, port and path; never its query, fragment or user info. */
  static String displayUrl(String url) {
    try {
      return SafeUrls.display(new URI(url.strip()));
    } catch (URISyntaxException e) {
      // Shown cut instead; the activity says why the URL cannot be used.
      int cut = url.indexOf('?');
      return cut < 0 ? url : url.substring(0, cut) + "?…";
    }
  }
}
