package dev.lifeboat.runbook;

import dev.lifeboat.activities.postgres.SqlBind;
import java.util.List;

/**
 * An SQL field after its references were read: the text with {@code $1 … $n} where the references
 * stood (as written, references and all, when only checking), and the values bound to them.
 */
record SqlText(String query, List<SqlBind> binds) {
  SqlText {
    binds = List.copyOf(binds);
  }
}
