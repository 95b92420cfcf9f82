package dev.lifeboat.app.notices;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code notices:} in config.yml: which run events the plan owner's channel ({@code owners:}) is
 * told of, and the public address of this server that the notices link to.
 *
 * @param baseUrl e.g. {@code https://lifeboat.example.org}, without a trailing slash
 * @param events all five when not given; none when given as {@code []}
 */
public record NoticesConfig(String baseUrl, Set<NoticeEvent> events) {
  public static final String DEFAULT_BASE_URL = "http://127.0.0.1:8080";

  public NoticesConfig {
    baseUrl = checked(baseUrl == null ? DEFAULT_BASE_URL : baseUrl);
    events = events == null ? Set.of(NoticeEvent.values()) : Set.copyOf(events);
  }

  /** Every event, linking to the default address. */
  public static NoticesConfig defaults() {
    return new NoticesConfig(null, null);
  }

  /** Read from config.yml; an unknown event name or a base URL that is not http(s) is refused. */
  @JsonCreator
  static NoticesConfig read(
      @JsonProperty("baseUrl") String baseUrl, @JsonProperty("events") List<String> events) {
    if (events == null) {
      return new NoticesConfig(baseUrl, null);
    }
    Set<NoticeEvent> named = EnumSet.noneOf(NoticeEvent.class);
    events.forEach(name -> named.add(NoticeEvent.named(name)));
    return new NoticesConfig(baseUrl, named);
  }

  public boolean tells(NoticeEvent event) {
    return events.contains(event);
  }

  private static String checked(String url) {
    try {
      URI uri = new URI(url);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "notices.baseUrl must be an http(s) address; got '" + url + "'");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("notices.baseUrl is not an address: " + e.getMessage(), e);
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
