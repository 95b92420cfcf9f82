package dev.lifeboat.app.findings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.app.chain.ChainContent;
import dev.lifeboat.app.refusal.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Findings and their histories: each change is appended to the findings' hash chain as an event
 * carrying the finding's new state, under the chain's lock, so a change is checked against the
 * state it changes (two people closing the same finding: the second is refused). Dates are UTC.
 */
public final class FindingStore {
  private final Jdbi jdbi;
  private final ObjectMapper json;
  private final Clock clock;

  public FindingStore(Jdbi jdbi, ObjectMapper json, Clock clock) {
    this.jdbi = jdbi;
    this.json = json;
    this.clock = clock;
  }

  /** Records a finding made by hand, by {@code actor}, and answers it. */
  public Finding create(NewFinding finding, String actor) {
    long id = jdbi.inTransaction(handle -> record(handle, finding, actor).orElseThrow());
    return find(id).orElseThrow();
  }

  /**
   * Records {@code finding} with its {@code created} event in {@code handle}'s transaction; empty
   * when it was already recorded (the same run, origin, step and objective: a retried run end).
   */
  Optional<Long> record(Handle handle, NewFinding finding, String actor) {
    FindingDao dao = handle.attach(FindingDao.class);
    String previous = dao.lockChain();
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Optional<Long> id = dao.insert(finding, finding.origin().apiName(), at, actor);
    if (id.isPresent()) {
      String identity =
          ChainContent.findingIdentity(
              id.get(),
              finding.plan(),
              finding.run(),
              finding.step(),
              finding.objective(),
              finding.origin().apiName(),
              finding.title(),
              at,
              actor);
      FindingState state =
          new FindingState(FindingStatus.OPEN.apiName(), finding.owner(), finding.due(), null);
      dao.append(previous, id.get(), "created", at, actor, write(state), identity);
    }
    return id;
  }

  /**
   * Applies {@code change} by {@code actor}: one event per part that changes something. Refused
   * (nothing recorded): an unknown finding, a move its status does not allow, a closing without a
   * note, an owner or due date change of a finding already closed or accepted.
   */
  public Finding change(long id, FindingChange change, String actor) {
    jdbi.useTransaction(
        handle -> {
          FindingDao dao = handle.attach(FindingDao.class);
          String previous = dao.lockChain();
          Finding now = dao.find(id, today()).orElseThrow(() -> unknown(id));
          FindingState state = new FindingState(now.status(), now.owner(), now.due(), now.note());
          FindingStatus status = state.current();
          Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
          boolean movesOwnerOrDue =
              (change.owner() != null && !change.owner().equals(state.owner()))
                  || (change.due() != null && !change.due().equals(state.due()));
          if (movesOwnerOrDue && !status.isOpen()) {
            throw Refusal.malformed(
                "finding_closed",
                "finding " + id + " is " + status.apiName() + ": its owner and due date are final");
          }
          if (change.owner() != null && !change.owner().equals(state.owner())) {
            state = state.withOwner(change.owner());
            previous = dao.append(previous, id, "owner", at, actor, write(state), null);
          }
          if (change.due() != null && !change.due().equals(state.due())) {
            state = state.withDue(change.due());
            previous = dao.append(previous, id, "due", at, actor, write(state), null);
          }
          if (change.status() != null) {
            FindingTransitions.check(id, status, change.status(), change.note());
            state = state.withStatus(change.status(), change.note());
            dao.append(previous, id, "status", at, actor, write(state), null);
          }
        });
    return find(id).orElseThrow();
  }

  public Optional<Finding> find(long id) {
    return jdbi.withExtension(FindingDao.class, dao -> dao.find(id, today()));
  }

  /** The finding's events, oldest first; empty for an unknown finding. */
  public List<FindingEvent> history(long id) {
    return jdbi.withExtension(FindingDao.class, dao -> dao.history(id));
  }

  /** Findings matching every filter given (null: any; {@code overdueOnly} false: any). */
  public List<Finding> list(String plan, String run, FindingStatus status, boolean overdueOnly) {
    return jdbi.withExtension(
        FindingDao.class,
        dao -> dao.list(plan, run, status == null ? null : status.apiName(), overdueOnly, today()));
  }

  /** The findings of run {@code runId}, oldest first: for the run's report. */
  public List<Finding> ofRun(String runId) {
    return list(null, runId, null, false);
  }

  /**
   * Per plan that has findings, how many are open or in progress and how many of those are overdue:
   * for the compliance view. Plans without findings are left out (zero and zero).
   */
  public List<FindingDao.PlanCounts> openAndOverdueByPlan() {
    return jdbi.withExtension(FindingDao.class, dao -> dao.counts(today()));
  }

  /** Today in UTC: a finding is overdue from the day after its due date. */
  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static Refusal unknown(long id) {
    return Refusal.notFound("unknown_finding", "no finding with id " + id);
  }

  private String write(FindingState state) {
    try {
      return json.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a finding's state is not JSON-serialisable", e);
    }
  }
}
