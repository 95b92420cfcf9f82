package dev.lifeboat.app.compliance;

import dev.lifeboat.activities.notify.NotifyActivity;
import dev.lifeboat.activities.notify.NotifyRequest;
import dev.lifeboat.activities.notify.NotifyResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** Keeps every request it is asked to send; fails every send while {@link #failing} is set. */
final class FakeNotifier implements NotifyActivity {
  final List<NotifyRequest> sent = new CopyOnWriteArrayList<>();
  final AtomicBoolean failing = new AtomicBoolean();

  @Override
  public NotifyResult notify(NotifyRequest request) {
    if (failing.get()) {
      throw new IllegalStateException("the webhook answered 503");
    }
    sent.add(request);
    return new NotifyResult(request.channel(), request.template(), 0, "kept by the fake");
  }
}
