package dev.lifeboat.app.report;

import java.util.List;
import java.util.Map;

/** Findings held in a map by run, standing in for the findings feature. */
final class FakeRunFindings implements RunFindings {
  private final Map<String, List<ReportFinding>> byRun;

  FakeRunFindings(Map<String, List<ReportFinding>> byRun) {
    this.byRun = Map.copyOf(byRun);
  }

  @Override
  public List<ReportFinding> ofRun(String runId) {
    return byRun.getOrDefault(runId, List.of());
  }
}
