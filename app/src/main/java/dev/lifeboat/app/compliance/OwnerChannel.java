package dev.lifeboat.app.compliance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lifeboat.activities.notify.NotifyChannel;
import java.util.List;
import java.util.Locale;

/**
 * Where a plan owner is told that a plan is overdue: one entry of {@code owners:} in config.yml,
 * keyed by the runbook's {@code owner}, on a channel the notify step kind already sends to.
 *
 * @param url the webhook URL, or an {@code env:}/{@code file:} reference to it (webhook only)
 * @param to the addresses (email only; sent through the {@code smtp:} server)
 */
public record OwnerChannel(NotifyChannel channel, String url, List<String> to) {
  /** Owners without an entry are told in Lifeboat's log. */
  public static final OwnerChannel LOG = new OwnerChannel(NotifyChannel.LOG, null, null);

  public OwnerChannel {
    if (channel == null) {
      throw new IllegalArgumentException("an owner's channel is log, webhook or email");
    }
    if (channel == NotifyChannel.WEBHOOK && (url == null || url.isBlank())) {
      throw new IllegalArgumentException("an owner's webhook channel needs a url");
    }
    if (channel == NotifyChannel.EMAIL && (to == null || to.isEmpty())) {
      throw new IllegalArgumentException("an owner's email channel needs to: [addresses]");
    }
    to = to == null ? null : List.copyOf(to);
  }

  /** Read from config.yml: {@code {channel: email, to: [dba@example.com]}}. */
  @JsonCreator
  static OwnerChannel read(
      @JsonProperty("channel") String channel,
      @JsonProperty("url") String url,
      @JsonProperty("to") List<String> to) {
    NotifyChannel kind;
    try {
      kind = NotifyChannel.valueOf(String.valueOf(channel).toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "an owner's channel is log, webhook or email; got '" + channel + "'", e);
    }
    return new OwnerChannel(kind, url, to);
  }

  public String apiName() {
    return channel.name().toLowerCase(Locale.ROOT);
  }
}
