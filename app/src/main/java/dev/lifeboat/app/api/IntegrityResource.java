package dev.lifeboat.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lifeboat.app.auth.Requires;
import dev.lifeboat.app.auth.Role;
import dev.lifeboat.app.chain.Integrity;
import dev.lifeboat.app.store.RecordIntegrity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/runs/{id}/integrity}: whether a run's record is as it was written, by its hash
 * chain, recomputed now from what is stored.
 */
@Path("/api/runs/{id}/integrity")
@Produces(MediaType.APPLICATION_JSON)
public final class IntegrityResource {
  private final RecordIntegrity integrity;

  public IntegrityResource(RecordIntegrity integrity) {
    this.integrity = integrity;
  }

  /**
   * What the check found: {@code status} intact or broken, the number of {@code events}, the
   * chain's {@code head} (the hash a printed report pins), and the first {@code broken} link.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record IntegrityView(
      String run, String status, long events, long unchained, String head, BrokenLink broken) {
    static IntegrityView of(String runId, Integrity found) {
      return new IntegrityView(
          runId,
          found.status(),
          found.records(),
          found.unchained(),
          found.head(),
          found.broken() == null
              ? null
              : new BrokenLink(
                  found.broken().seq(), found.broken().kind().apiName(), found.broken().message()));
    }
  }

  /** The first record where the chain stops holding, how ({@code edited}, …) and in words. */
  public record BrokenLink(long seq, String kind, String message) {}

  @GET
  @Requires(value = Role.VIEWER, action = "check a run's record integrity")
  public IntegrityView check(@PathParam("id") String id) {
    String runId = Names.runId(id);
    return IntegrityView.of(
        runId,
        integrity
            .run(runId)
            .orElseThrow(() -> new ApiException(404, "unknown_run", "no run with id " + id)));
  }
}
