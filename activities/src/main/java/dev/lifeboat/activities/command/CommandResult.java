package dev.lifeboat.activities.command;

import dev.lifeboat.activities.StepResult;

/**
 * What a command step's command did.
 *
 * @param exitCode the command's exit status (the expected one, or the activity would have failed)
 * @param stdout standard output, the middle left out when over the cap
 * @param stderr standard error, likewise
 * @param bytesCut bytes of stdout and stderr together left out by the cap (0 when all fit)
 * @param durationMillis from starting the command to its end
 * @param summary one line for the run's record
 */
public record CommandResult(
    int exitCode, String stdout, String stderr, long bytesCut, long durationMillis, String summary)
    implements StepResult {}
