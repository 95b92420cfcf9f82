package dev.lifeboat.activities.notify;

import java.util.List;
import java.util.Objects;

/**
 * Send one message.
 *
 * @param url the webhook URL (only for {@link NotifyChannel#WEBHOOK})
 * @param template a FreeMarker template rendered with {@link NotifyContext}
 * @param prefix what the rendered text is sent prefixed with, as the run's mode says ({@code
 *     "[DRILL] "} in a drill, so nobody mistakes a drill for a disaster; empty otherwise); null in
 *     requests recorded before the workflow said it (see {@link #textPrefix()})
 * @param to the recipients' addresses (only for {@link NotifyChannel#EMAIL}); null otherwise
 * @param subject the e-mail's subject, a FreeMarker template like {@code template} (only for {@link
 *     NotifyChannel#EMAIL}); null otherwise
 */
public record NotifyRequest(
    NotifyChannel channel,
    String url,
    String template,
    NotifyContext context,
    String prefix,
    List<String> to,
    String subject) {
  /** What requests recorded before the workflow sent a prefix were marked with in a drill. */
  static final String LEGACY_DRILL_MARK = "[DRILL] ";

  public NotifyRequest {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(context, "context");
    if (channel == NotifyChannel.WEBHOOK && (url == null || url.isBlank())) {
      throw new IllegalArgumentException("a webhook notification needs a url");
    }
    if (channel == NotifyChannel.EMAIL && (to == null || to.isEmpty() || subject == null)) {
      throw new IllegalArgumentException("an email notification needs recipients and a subject");
    }
    to = to == null ? null : List.copyOf(to);
  }

  /** A log or webhook request. */
  public NotifyRequest(
      NotifyChannel channel, String url, String template, NotifyContext context, String prefix) {
    this(channel, url, template, context, prefix, null, null);
  }

  /** A request as recorded before the workflow sent a prefix (its text is marked by its mode). */
  public NotifyRequest(NotifyChannel channel, String url, String template, NotifyContext context) {
    this(channel, url, template, context, null, null, null);
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
