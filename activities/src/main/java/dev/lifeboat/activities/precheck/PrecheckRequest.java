package dev.lifeboat.activities.precheck;

import dev.lifeboat.activities.backup.VerifyBackupRequest;
import dev.lifeboat.activities.notify.NotifyRequest;
import java.util.List;
import java.util.Objects;

/**
 * What one step would need, as the workflow reads it from the step: each list is checked without
 * side effects by {@link PrecheckActivity}. Holds references only, never a secret's value.
 *
 * @param kind the step's kind, e.g. {@code verify-backup}
 * @param hosts configured SSH hosts the step logs in to
 * @param servers configured PostgreSQL servers the step connects to
 * @param backups backups the step reads or restores
 * @param urls HTTP endpoints the step calls; only their host names are resolved, nothing is sent
 * @param secrets secret references ({@code env:NAME}, {@code file:/path}) the step reads
 * @param approvers an approval step's need; null for other kinds
 * @param messages the notifications the step would send (a notify step's, an approval's
 *     escalation), each with this run's data: their templates are rendered, nothing is sent
 */
public record PrecheckRequest(
    String stepId,
    String kind,
    List<String> hosts,
    List<ServerNeed> servers,
    List<VerifyBackupRequest> backups,
    List<String> urls,
    List<String> secrets,
    ApproverNeed approvers,
    List<NotifyRequest> messages) {
  public PrecheckRequest {
    Objects.requireNonNull(stepId, "stepId");
    Objects.requireNonNull(kind, "kind");
    hosts = List.copyOf(hosts);
    servers = List.copyOf(servers);
    backups = List.copyOf(backups);
    urls = List.copyOf(urls);
    secrets = List.copyOf(secrets);
    messages = messages == null ? List.of() : List.copyOf(messages);
  }
}
