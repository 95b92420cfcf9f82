package dev.lifeboat.activities.sql;

import dev.lifeboat.activities.StepResult;

/**
 * What an sql step's statement did.
 *
 * @param rowsAffected the rows the statement changed or returned, -1 when it says none (DDL)
 * @param durationMillis from connecting to the statement's end
 */
public record SqlResult(long rowsAffected, long durationMillis, String summary)
    implements StepResult {}
