package dev.lifeboat.workflow;

import dev.lifeboat.activities.failover.HttpActionActivity;
import dev.lifeboat.activities.failover.HttpActionRequest;
import dev.lifeboat.activities.failover.HttpActionResult;

/** Sends nothing; the step script key is the request's URL. */
final class FakeHttpActionActivity implements HttpActionActivity {
  private final StepScript script;

  FakeHttpActionActivity(StepScript script) {
    this.script = script;
  }

  @Override
  public HttpActionResult httpAction(HttpActionRequest request) {
    String summary = script.perform(request.url());
    int status = request.expectStatus() == 0 ? 200 : request.expectStatus();
    return new HttpActionResult(status, "", 5, summary);
  }
}
