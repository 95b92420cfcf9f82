package dev.lifeboat.activities.notify;

/** Where a notification goes. */
public enum NotifyChannel {
  /** Lifeboat's own log. */
  LOG,
  /** An HTTP POST of {@code {"text": "..."}}, which Slack-compatible incoming webhooks accept. */
  WEBHOOK,
  /** An e-mail through the SMTP server configured as {@code smtp:} in config.yml. */
  EMAIL
}
