package dev.lifeboat.app.api;

import dev.lifeboat.app.auth.Caller;
import dev.lifeboat.app.auth.Requires;
import dev.lifeboat.app.auth.Role;
import dev.lifeboat.app.runs.RunLauncher;
import dev.lifeboat.app.runs.RunResumer;
import dev.lifeboat.app.runs.TemporalAcknowledgements;
import dev.lifeboat.app.runs.TemporalDecisions;
import dev.lifeboat.app.store.RecordUnavailable;
import dev.lifeboat.app.store.RunDao;
import dev.lifeboat.app.store.RunEventDao;
import dev.lifeboat.app.store.RunEventRow;
import dev.lifeboat.app.store.RunRow;
import dev.lifeboat.workflow.AcknowledgeRequest;
import dev.lifeboat.workflow.DecideRequest;
import dev.lifeboat.workflow.UndoRequest;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs: newest first, one with its live step states, its event record, cancelling one, resuming
 * one, acknowledging a tabletop run's steps, approving or rejecting approval steps, deciding on
 * paused ones, and asking a recovery for one step's undo.
 */
@Path("/api/runs")
@Produces(MediaType.APPLICATION_JSON)
public final class RunsResource {
  static final int MAX_LIMIT = 200;

  private final RunDao runs;
  private final RunEventDao events;
  private final RunViews views;
  private final RunLauncher launcher;
  private final TemporalAcknowledgements acknowledgements;
  private final TemporalDecisions decisions;
  private final RunResumer resumer;

  public RunsResource(
      RunDao runs,
      RunEventDao events,
      RunViews views,
      RunLauncher launcher,
      TemporalAcknowledgements acknowledgements,
      TemporalDecisions decisions,
      RunResumer resumer) {
    this.runs = runs;
    this.events = events;
    this.views = views;
    this.launcher = launcher;
    this.acknowledgements = acknowledgements;
    this.decisions = decisions;
    this.resumer = resumer;
  }

  /** One page of runs, newest first; {@code total} counts the runs the filters match. */
  public record RunPage(List<RunView> runs, int limit, int offset, long total) {}

  /**
   * Runs newest first, optionally only those of one {@code plan}, {@code mode} and {@code verdict}
   * (e.g. {@code ?plan=shop&mode=drill&verdict=fail}).
   */
  @GET
  @Requires(value = Role.VIEWER, action = "list runs")
  public RunPage list(
      @QueryParam("limit") String limitText,
      @QueryParam("offset") String offsetText,
      @QueryParam("plan") String planText,
      @QueryParam("mode") String modeText,
      @QueryParam("verdict") String verdictText) {
    int limit = whole("limit", limitText, 20, 1, MAX_LIMIT);
    int offset = whole("offset", offsetText, 0, 0, Integer.MAX_VALUE);
    RunFilter filter = RunFilter.of(planText, modeText, verdictText);
    return new RunPage(
        views.summaries(runs.page(filter.plan(), filter.mode(), filter.verdict(), limit, offset)),
        limit,
        offset,
        runs.countMatching(filter.plan(), filter.mode(), filter.verdict()));
  }

  @GET
  @Path("{id}")
  @Requires(value = Role.VIEWER, action = "read a run")
  public RunView get(@PathParam("id") String id) {
    String runId = Names.runId(id);
    Optional<RunRow> run;
    try {
      run = runs.find(runId);
    } catch (RuntimeException failure) {
      // Without the record, a running run can still be shown as its workflow answers.
      RecordUnavailable outage = RecordUnavailable.in(failure).orElseThrow(() -> failure);
      return views.withoutRecord(runId).orElseThrow(() -> outage);
    }
    return views.view(run.orElseThrow(() -> unknownRun(id)));
  }

  @GET
  @Path("{id}/events")
  @Requires(value = Role.VIEWER, action = "read a run's events")
  public List<RunEventRow> events(@PathParam("id") String id) {
    return events.forRun(find(id).id());
  }

  /**
   * Cancels a run, recording the caller as the one who asked. Cancelling a recovery needs a
   * commander, like launching one: stopping a failover half-way is as consequential as starting it.
   */
  @POST
  @Path("{id}/cancel")
  @Requires(value = Role.OPERATOR, action = "cancel a run")
  public Response cancel(@Auth Caller caller, @PathParam("id") String id) {
    RunRow run = find(id);
    caller.require(Role.neededFor(run.mode()), "cancel a " + run.mode().apiName());
    launcher.cancel(run.id(), caller.name());
    return Response.accepted(Map.of("id", run.id(), "status", "cancelling")).build();
  }

  /**
   * Resumes a failed, cancelled or interrupted run as a new run launched by the caller, who needs
   * the role that launching the run's mode needs; answers the new run (202, Location). The new run
   * names the old one ({@code resumedFrom}) and the old one names it ({@code resumedBy}).
   */
  @POST
  @Path("{id}/resume")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(value = Role.OPERATOR, action = "resume a run")
  public Response resume(@Auth Caller caller, @PathParam("id") String id, ResumeBody body) {
    RunRow run = find(id);
    caller.require(Role.neededFor(run.mode()), "resume a " + run.mode().apiName());
    boolean currentPlan = body != null && body.currentPlan();
    RunRow resumed = resumer.resume(run, currentPlan, caller.name());
    return Response.accepted(views.view(resumed))
        .location(URI.create("/api/runs/" + resumed.id()))
        .build();
  }

  /**
   * A tabletop participant acknowledges a step awaiting acknowledgement; answers the step's new
   * state. The participant recorded is the caller, never a field of the body. Bad bodies are
   * refused here, so they never reach the workflow.
   */
  @POST
  @Path("{id}/steps/{stepId}/acknowledge")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(value = Role.OPERATOR, action = "acknowledge a tabletop step")
  public RunView.StepView acknowledge(
      @Auth Caller caller,
      @PathParam("id") String id,
      @PathParam("stepId") String stepId,
      AcknowledgeBody body) {
    Names.stepId(stepId);
    AcknowledgeRequest request = AcknowledgeBodies.toRequest(stepId, body, caller.name());
    return RunViews.stepView(acknowledgements.acknowledge(find(id), request));
  }

  /**
   * Approves an approval step awaiting approval; answers the step's new state. The approver is the
   * caller; the step's own rules (its role, not the launcher, nobody twice) are the workflow's to
   * check, and a broken one is a 409 naming it.
   */
  @POST
  @Path("{id}/steps/{stepId}/approve")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(value = Role.OPERATOR, action = "approve a step")
  public RunView.StepView approve(
      @Auth Caller caller,
      @PathParam("id") String id,
      @PathParam("stepId") String stepId,
      DecisionBodies.CommentBody body) {
    Names.stepId(stepId);
    return RunViews.stepView(
        decisions.approve(find(id), DecisionBodies.approval(stepId, body, true, caller)));
  }

  /** Rejects an approval step awaiting approval, with a comment saying why: the step fails. */
  @POST
  @Path("{id}/steps/{stepId}/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(value = Role.OPERATOR, action = "reject a step")
  public RunView.StepView reject(
      @Auth Caller caller,
      @PathParam("id") String id,
      @PathParam("stepId") String stepId,
      DecisionBodies.CommentBody body) {
    Names.stepId(stepId);
    return RunViews.stepView(
        decisions.approve(find(id), DecisionBodies.approval(stepId, body, false, caller)));
  }

  /**
   * Decides what happens to a step paused after its failure: retry, skip (with a reason) or abort.
   * A drill's steps need an operator, a recovery's a commander, as launching them does.
   */
  @POST
  @Path("{id}/steps/{stepId}/decide")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(value = Role.OPERATOR, action = "decide on a paused step")
  public RunView.StepView decide(
      @Auth Caller caller,
      @PathParam("id") String id,
      @PathParam("stepId") String stepId,
      DecisionBodies.DecideBody body) {
    Names.stepId(stepId);
    DecideRequest request = DecisionBodies.decision(stepId, body, caller);
    RunRow run = find(id);
    caller.require(
        Role.neededFor(run.mode()), "decide on a paused step of a " + run.mode().apiName());
    return RunViews.stepView(decisions.decide(run, request));
  }

  /**
   * Asks a recovery to run one step's undo, which a recovery does not run by itself; answers the
   * undo's state, running (202). Needs a commander and a reason; refused with 409 naming why when
   * the run is a drill (its undos run by themselves) or has ended, the step has no undo or has not
   * started, or its undo already ran.
   */
  @POST
  @Path("{id}/steps/{stepId}/undo")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(value = Role.COMMANDER, action = "ask for a step's undo in a recovery")
  public Response undo(
      @Auth Caller caller,
      @PathParam("id") String id,
      @PathParam("stepId") String stepId,
      DecisionBodies.UndoBody body) {
    Names.stepId(stepId);
    UndoRequest request = DecisionBodies.undo(stepId, body, caller);
    return Response.accepted(decisions.undo(find(id), request)).build();
  }

  private RunRow find(String id) {
    return runs.find(Names.runId(id)).orElseThrow(() -> unknownRun(id));
  }

  private static ApiException unknownRun(String id) {
    return new ApiException(404, "unknown_run", "no run with id " + id);
  }

  static int whole(String name, String text, int absent, int min, int max) {
    if (text == null || text.isEmpty()) {
      return absent;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException notANumber) {
      // reported below with the allowed range
    }
    throw new ApiException(
        400,
        "bad_" + name,
        name
            + " must be a whole number from "
            + min
            + " to "
            + max
            + "; got '"
            + Names.shortened(text)
            + "'");
  }
}
