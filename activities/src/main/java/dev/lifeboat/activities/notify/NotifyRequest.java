package dev.lifeboat.activities.notify;

import java.util.Objects;

/**
 * Send one message.
 *
 * @param url the webhook URL (only for {@link NotifyChannel#WEBHOOK})
 * @param template a FreeMarker template rendered with {@link NotifyContext}
 * @param prefix what the rendered text is sent prefixed with, as the run's mode says ({@code
 *     "[DRILL] "} in a drill, so nobody mistakes a drill for a disaster; empty otherwise); null in
 *     requests recorded before the workflow said it (see {@link #textPrefix()})
 */
public record NotifyRequest(
    NotifyChannel channel, String url, String template, NotifyContext context, String prefix) {
  /** What requests recorded before the workflow sent a prefix were marked with in a drill. */
  static final String LEGACY_DRILL_MARK = "[DRILL] ";

  public NotifyRequest {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(context, "context");
    if (channel == NotifyChannel.WEBHOOK && (url == null || url.isBlank())) {
      throw new IllegalArgumentException("a webhook notification needs a url");
    }
  }

  /** A request as recorded before the workflow sent a prefix (its text is marked by its mode). */
  public NotifyRequest(NotifyChannel channel, String url, String template, NotifyContext context) {
    this(channel, url, template, context, null);
  }

  /**
   * The prefix to send: the request's own, or for a request scheduled before the workflow sent one
   * (still retrying after an upgrade), {@code [DRILL] } when its context's mode is drill, as it was
   * then.
   */
  public String textPrefix() {
    if (prefix != null) {
      return prefix;
    }
    return "drill".equalsIgnoreCase(context.mode()) ? LEGACY_DRILL_MARK : "";
  }
}
