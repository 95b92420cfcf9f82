package dev.lifeboat.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.backup.VerifyBackupRequest;
import dev.lifeboat.activities.health.HealthCheckRequest;
import dev.lifeboat.activities.notify.NotifyChannel;
import dev.lifeboat.activities.notify.NotifyRequest;
import dev.lifeboat.activities.precheck.ApproverNeed;
import dev.lifeboat.activities.precheck.PrecheckRequest;
import dev.lifeboat.activities.precheck.ServerNeed;
import dev.lifeboat.activities.restore.RestoreDataRequest;
import dev.lifeboat.activities.secrets.SecretPlaceholders;
import dev.lifeboat.activities.ssh.SecretReference;
import dev.lifeboat.runbook.ApprovalStep;
import dev.lifeboat.runbook.CommandStep;
import dev.lifeboat.runbook.FailoverAction;
import dev.lifeboat.runbook.HealthCheckStep;
import dev.lifeboat.runbook.NotifyStep;
import dev.lifeboat.runbook.RestoreDataStep;
import dev.lifeboat.runbook.SqlStep;
import dev.lifeboat.runbook.StartFailoverStep;
import dev.lifeboat.runbook.Step;
import dev.lifeboat.runbook.StepContext;
import dev.lifeboat.runbook.VerifyBackupStep;
import dev.lifeboat.runbook.WaitStep;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What each step kind needs from outside the workflow, read from the step: the hosts it logs in to,
 * the servers it connects to (a promote needs a standby), the backups it reads, the endpoints it
 * calls and the secrets it reads. Pure, so the workflow may call it.
 */
final class PrecheckRequests {
  /** How old a restore's source may be when the plan declares no RPO: only its presence counts. */
  private static final Duration ANY_AGE = Duration.ofDays(36500);

  private static final ObjectMapper JSON = JacksonJsonPayloadConverter.newDefaultObjectMapper();

  private PrecheckRequests() {}

  /**
   * @param rpo the plan's RPO, the age a restore's source is held to
   * @param run the run's data where the step stands, which its messages are rendered with
   */
  static PrecheckRequest of(Step step, Duration rpo, StepContext run) {
    Needs needs = new Needs();
    if (step instanceof VerifyBackupStep s) {
      needs.backups.add(s.request());
      needs.host(s.request().host());
    } else if (step instanceof RestoreDataStep s) {
      restore(s.request(), rpo, needs);
    } else if (step instanceof HealthCheckStep s) {
      health(s.request(), needs);
    } else if (step instanceof NotifyStep s) {
      message(s, run, needs);
    } else if (step instanceof CommandStep s) {
      needs.host(s.request().host());
    } else if (step instanceof StartFailoverStep s) {
      s.actions().forEach(action -> failover(action, needs));
    } else if (step instanceof SqlStep s) {
      needs.servers.add(new ServerNeed(s.request().server(), false));
    } else if (step instanceof ApprovalStep s) {
      needs.approvers = new ApproverNeed(s.role().apiName(), s.approvers());
      if (s.escalate() != null) {
        message(s.escalate(), run, needs);
      }
    } else if (!(step instanceof WaitStep)) {
      // StepKindsTest walks every kind through here, so a new kind cannot go unchecked.
      throw new IllegalArgumentException("no precheck for step kind " + step.kindName());
    }
    return new PrecheckRequest(
        step.id(),
        step.kindName(),
        needs.hosts.stream().distinct().toList(),
        needs.servers.stream().distinct().toList(),
        needs.backups,
        needs.urls,
        secrets(step),
        needs.approvers,
        needs.messages);
  }

  private static void message(NotifyStep step, StepContext run, Needs needs) {
    if (step.channel() == NotifyChannel.WEBHOOK) {
      needs.urls.add(step.url());
    }
    needs.messages.add(step.request(run.templateData(step, step.usesSteps()), run.notifyPrefix()));
  }

  private static void restore(RestoreDataRequest request, Duration rpo, Needs needs) {
    needs.host(request.host());
    if (request.server() != null) {
      needs.servers.add(new ServerNeed(request.server(), false));
    }
    needs.backups.add(
        new VerifyBackupRequest(
            request.source(), rpo == null ? ANY_AGE : rpo, 1, false, request.host()));
  }

  private static void health(HealthCheckRequest request, Needs needs) {
    if (request.sql() != null) {
      needs.servers.add(new ServerNeed(request.sql().server(), false));
    }
    if (request.http() != null) {
      needs.urls.add(request.http().url());
    }
    if (request.tcp() != null) {
      needs.urls.add("tcp://" + request.tcp().host() + ":" + request.tcp().port());
    }
    if (request.ssh() != null) {
      needs.host(request.ssh().host());
    }
  }

  private static void failover(FailoverAction action, Needs needs) {
    if (action.ssh() != null) {
      needs.host(action.ssh().host());
    }
    if (action.promote() != null) {
      needs.servers.add(new ServerNeed(action.promote().server(), true));
    }
    if (action.http() != null) {
      needs.urls.add(action.http().url());
    }
  }

  /** The references of the secret placeholders anywhere in the step, undo and escalation too. */
  private static List<String> secrets(Step step) {
    try {
      return SecretPlaceholders.in(JSON.writeValueAsString(step)).stream()
          .map(SecretReference::reference)
          .toList();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("step " + step.id() + " cannot be written as JSON", e);
    }
  }

  private static final class Needs {
    final List<String> hosts = new ArrayList<>();
    final List<ServerNeed> servers = new ArrayList<>();
    final List<VerifyBackupRequest> backups = new ArrayList<>();
    final List<String> urls = new ArrayList<>();
    final List<NotifyRequest> messages = new ArrayList<>();
    ApproverNeed approvers;

    void host(String host) {
      if (host != null) {
        hosts.add(host);
      }
    }
  }
}
