package dev.lifeboat.activities.notify;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * {@code notify}: renders a FreeMarker template with run, plan and step data and sends it to the
 * log, as a webhook POST ({@code {"text": ...}}, Slack-compatible) or as an e-mail through the
 * configured SMTP server. A retried webhook or e-mail may deliver twice; receivers see the same
 * text.
 */
@ActivityInterface
public interface NotifyActivity {
  @ActivityMethod
  NotifyResult notify(NotifyRequest request);
}
