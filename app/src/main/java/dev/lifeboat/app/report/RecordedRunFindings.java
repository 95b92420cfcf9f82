package dev.lifeboat.app.report;

import dev.lifeboat.app.findings.Finding;
import dev.lifeboat.app.findings.FindingStore;
import java.util.List;

/** {@link RunFindings} from the findings record: those whose source is the run, oldest first. */
public final class RecordedRunFindings implements RunFindings {
  private final FindingStore findings;

  public RecordedRunFindings(FindingStore findings) {
    this.findings = findings;
  }

  @Override
  public List<ReportFinding> ofRun(String runId) {
    return findings.ofRun(runId).stream().map(RecordedRunFindings::shown).toList();
  }

  private static ReportFinding shown(Finding finding) {
    return new ReportFinding(
        String.valueOf(finding.id()),
        finding.title(),
        finding.step(),
        finding.owner(),
        finding.due(),
        finding.status(),
        finding.note());
  }
}
