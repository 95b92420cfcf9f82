package dev.lifeboat.app.api;

import dev.lifeboat.app.auth.Requires;
import dev.lifeboat.app.auth.Role;
import dev.lifeboat.app.store.RunDao;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/runs/{id}/plan}: the exact runbook text the run ran, as recorded at its launch
 * (its SHA-256 is the run's {@code planSha256}). A runbook holds no secret, only references to them
 * ({@code env:NAME}, {@code file:/path}), so the text is served as it is.
 */
@Path("/api/runs/{id}/plan")
public final class RunPlanResource {
  /** YAML has a registered type since RFC 9512; browsers show it as text. */
  static final String YAML = "application/yaml; charset=utf-8";

  private final RunDao runs;

  public RunPlanResource(RunDao runs) {
    this.runs = runs;
  }

  @GET
  @Requires(value = Role.VIEWER, action = "read the runbook a run ran")
  public Response plan(@PathParam("id") String id) {
    String text =
        runs.find(Names.runId(id))
            .orElseThrow(() -> new ApiException(404, "unknown_run", "no run with id " + id))
            .planText();
    return Response.ok(text).type(YAML).build();
  }
}
