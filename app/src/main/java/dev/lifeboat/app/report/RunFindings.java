package dev.lifeboat.app.report;

import java.util.List;

/**
 * The findings (corrective actions) raised from a run, for its report. A port: the findings feature
 * owns them; the report only reads them, in the order they should be listed.
 */
public interface RunFindings {
  /** The findings whose source is run {@code runId}; empty when there are none. */
  List<ReportFinding> ofRun(String runId);
}
