package dev.lifeboat.app.notices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.notify.NotifyActivity;
import dev.lifeboat.activities.notify.NotifyRequest;
import dev.lifeboat.app.compliance.OwnerChannel;
import dev.lifeboat.app.store.RunDao;
import dev.lifeboat.app.store.RunRow;
import dev.lifeboat.app.store.RunVerdictDao;
import dev.lifeboat.app.store.RunVerdictRow;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link RunNoticeActivity} over the record: reads the run (its plan's owner and title, and at its
 * end the verdict, written with its end status) and sends through the notify step kind's own code
 * ({@link NotifyActivity}), recording the notice in the transaction that sends it, as the coverage
 * notices do: a send that fails rolls the record back so the retry sends it; a record there means
 * it was sent. Owners without a channel in {@code owners:} are told nothing (the log already holds
 * every run event).
 */
public final class RunNoticeActivityImpl implements RunNoticeActivity {
  private final Jdbi record;
  private final Map<String, OwnerChannel> owners;
  private final NotifyActivity notifier;
  private final ObjectMapper json;
  private final RunNoticeRequests requests;

  public RunNoticeActivityImpl(
      Jdbi record,
      Map<String, OwnerChannel> owners,
      NoticesConfig config,
      NotifyActivity notifier,
      ObjectMapper json) {
    this.record = record;
    this.owners = Map.copyOf(owners);
    this.notifier = notifier;
    this.json = json;
    this.requests = new RunNoticeRequests(new NoticeTemplates(), config, json);
  }

  @Override
  public RunNoticeSent sendRunNotice(RunNotice notice) {
    RunRow run =
        record
            .onDemand(RunDao.class)
            .find(notice.runId())
            .orElseThrow(() -> new IllegalStateException("run " + notice.runId() + " not found"));
    JsonNode plan = plan(run);
    String owner = plan.path("owner").asText("");
    OwnerChannel channel = owners.get(owner);
    if (channel == null) {
      return new RunNoticeSent(false, "owner '" + owner + "' has no channel in owners:");
    }
    Optional<RunVerdictRow> verdict =
        record.onDemand(RunVerdictDao.class).of(List.of(run.id())).stream().findFirst();
    NotifyRequest request = requests.request(notice, run, plan, channel, verdict);
    return record.inTransaction(
        handle -> {
          int recorded =
              handle
                  .attach(RunNoticeDao.class)
                  .record(
                      run.id(),
                      notice.seq(),
                      notice.event().configName(),
                      owner,
                      channel.apiName());
          if (recorded == 0) {
            return new RunNoticeSent(false, "sent before");
          }
          return new RunNoticeSent(true, notifier.notify(request).summary());
        });
  }

  private JsonNode plan(RunRow run) {
    try {
      return json.readTree(run.planJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("run " + run.id() + " has a plan that is not JSON", e);
    }
  }
}
