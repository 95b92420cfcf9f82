package dev.lifeboat.workflow;

import dev.lifeboat.activities.notify.NotifyActivity;
import dev.lifeboat.activities.notify.NotifyRequest;
import dev.lifeboat.activities.notify.NotifyResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Sends nothing; keeps every request so tests can read the context a template would get. */
final class FakeNotifyActivity implements NotifyActivity {
  private final StepScript script;
  private final List<NotifyRequest> requests = new CopyOnWriteArrayList<>();

  FakeNotifyActivity(StepScript script) {
    this.script = script;
  }

  @Override
  public NotifyResult notify(NotifyRequest request) {
    requests.add(request);
    String summary = script.perform(request.context().stepId());
    return new NotifyResult(request.channel(), request.template(), 0, summary);
  }

  List<NotifyRequest> requests() {
    return List.copyOf(requests);
  }
}
