package dev.lifeboat.activities.notify;

import java.util.Objects;

/**
 * Send one message.
 *
 * @param url the webhook URL (only for {@link NotifyChannel#WEBHOOK})
 * @param template a FreeMarker template rendered with {@link NotifyContext}
 */
public record NotifyRequest(
    NotifyChannel channel, String url, String template, NotifyContext context) {
  public NotifyRequest {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(context, "context");
    if (channel == NotifyChannel.WEBHOOK && (url == null || url.isBlank())) {
      throw new IllegalArgumentException("a webhook notification needs a url");
    }
  }
}
