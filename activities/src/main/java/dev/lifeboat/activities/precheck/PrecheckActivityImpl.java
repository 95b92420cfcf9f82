package dev.lifeboat.activities.precheck;

import dev.lifeboat.activities.backup.VerifyBackupActivity;
import dev.lifeboat.activities.notify.NotifyRequest;
import dev.lifeboat.activities.notify.TemplateCheck;
import dev.lifeboat.activities.postgres.PostgresServers;
import dev.lifeboat.activities.secrets.Secrets;
import dev.lifeboat.activities.ssh.JschRemoteShell;
import dev.lifeboat.activities.ssh.SshHosts;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a step's checks with the same hosts, servers, backup reading and secrets its worker's step
 * activities use, so a check sees what the step would. One line per check; a step that needs
 * nothing from outside gets one {@code ok} line saying so.
 */
public final class PrecheckActivityImpl implements PrecheckActivity {
  private final HostLogins logins;
  private final ServerRoles servers;
  private final BackupReadiness backups;
  private final EndpointNames endpoints = new EndpointNames();
  private final SecretReadiness secrets;
  private final ApproverRoster roster;
  private final TemplateCheck templates = new TemplateCheck();

  /**
   * @param verifier the worker's own verify-backup implementation, called in this activity
   * @param roster who holds which role; {@link ApproverRoster#NONE} on a worker at a site
   */
  public PrecheckActivityImpl(
      SshHosts hosts,
      JschRemoteShell shell,
      PostgresServers servers,
      VerifyBackupActivity verifier,
      Secrets secrets,
      ApproverRoster roster) {
    this.logins = new HostLogins(hosts, shell);
    this.servers = new ServerRoles(servers);
    this.backups = new BackupReadiness(verifier);
    this.secrets = new SecretReadiness(secrets);
    this.roster = roster;
  }

  @Override
  public PrecheckResult precheck(PrecheckRequest request) {
    String step = request.stepId();
    List<CheckLine> lines = new ArrayList<>();
    request.hosts().forEach(host -> lines.add(logins.check(step, host)));
    request.servers().forEach(server -> lines.add(servers.check(step, server)));
    request.backups().forEach(backup -> lines.add(backups.check(step, backup)));
    request.urls().forEach(url -> lines.add(endpoints.check(step, url)));
    request.secrets().forEach(secret -> lines.add(secrets.check(step, secret)));
    request.messages().forEach(message -> lines.add(render(step, message)));
    if (request.approvers() != null) {
      lines.add(approvers(step, request.approvers()));
    }
    if (lines.isEmpty()) {
      lines.add(CheckLine.ok(step, request.kind(), "needs nothing outside the workflow"));
    }
    return new PrecheckResult(lines);
  }

  /** Renders a message as the notify step would, with this run's data; sends nothing. */
  private CheckLine render(String step, NotifyRequest message) {
    return templates
        .check(message.template(), message.context())
        .map(
            problem ->
                CheckLine.fail(
                    step,
                    "template",
                    (problem.where().isEmpty() ? "" : problem.where() + ": ") + problem.message()))
        .orElseGet(() -> CheckLine.ok(step, "template", "renders with this run's values"));
  }

  private CheckLine approvers(String step, ApproverNeed need) {
    String check = "approvers " + need.role();
    int holders;
    try {
      holders = roster.holders(need.role());
    } catch (IllegalStateException e) {
      return CheckLine.fail(step, check, e.getMessage());
    }
    String measured =
        holders
            + (holders == 1 ? " person holds " : " people hold ")
            + need.role()
            + " or above with a live token; "
            + need.approvers()
            + " distinct needed";
    // The launcher may not approve their own run, so exactly enough is one short in practice.
    if (holders < need.approvers()) {
      return CheckLine.fail(step, check, measured);
    }
    if (holders == need.approvers()) {
      return CheckLine.warn(step, check, measured + ", and whoever launches cannot approve");
    }
    return CheckLine.ok(step, check, measured);
  }
}
