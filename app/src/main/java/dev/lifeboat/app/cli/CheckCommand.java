package dev.lifeboat.app.cli;

import dev.lifeboat.runbook.Excerpt;
import dev.lifeboat.runbook.LoadedRunbooks;
import dev.lifeboat.runbook.ProductionTargets;
import dev.lifeboat.runbook.RunbookCheck;
import dev.lifeboat.runbook.RunbookFolder;
import dev.lifeboat.runbook.RunbookParser;
import dev.lifeboat.runbook.RunbookProblem;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code lifeboat check <files or folders>}: validates runbooks and lists every problem as {@code
 * file:line:column: field: message}. Exits 0 when there is none, 1 when there are problems, and 2
 * when the reader itself failed: a bug of Lifeboat, which a script must not mistake for a bad file.
 */
public final class CheckCommand extends Command {
  /** The exit code of problems in the runbooks (Dropwizard's own code for a failed command). */
  public static final int PROBLEMS = 1;

  /** The exit code of a bug: the reader failed with an exception. */
  public static final int BUG = 2;

  private final PrintStream out;
  private final PrintStream err;
  private final IntConsumer exit;
  private final RunbookCheck check;

  /**
   * @param exit ends the process with a code ({@code System::exit}); a test passes a recorder
   */
  public CheckCommand(PrintStream out, PrintStream err, IntConsumer exit) {
    this(
        out,
        err,
        exit,
        new RunbookCheck(
            // Without config.yml nothing is known to be production; failovers are still judged.
            new RunbookFolder(new RunbookParser().withDrillRule(ProductionTargets.NONE))));
  }

  CheckCommand(PrintStream out, PrintStream err, IntConsumer exit, RunbookCheck check) {
    super("check", "Validate runbook files or folders and list every problem");
    this.out = out;
    this.err = err;
    this.exit = exit;
    this.check = check;
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("paths").nargs("+").help("runbook files or folders of *.yml/*.yaml");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) {
    List<Path> paths = namespace.<String>getList("paths").stream().map(Path::of).toList();
    LoadedRunbooks loaded;
    try {
      loaded = check.load(paths);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError bug) {
      err.println(
          "lifeboat check failed with "
              + bug.getClass().getName()
              + "; this is a bug in Lifeboat, please report it");
      exitWith(BUG);
      return;
    }
    List<RunbookProblem> problems = loaded.problems();
    for (RunbookProblem problem : problems) {
      err.println(problem.format());
    }
    if (loaded.crashed() > 0) {
      err.println(
          problems.size()
              + " problem(s); reading "
              + loaded.crashed()
              + " file(s) failed: this is a bug in Lifeboat, please report it");
      exitWith(BUG);
      return;
    }
    if (!problems.isEmpty()) {
      err.println(problems.size() + " problem(s)");
      throw new CheckFailed();
    }
    out.println("ok: no problems in " + String.join(", ", namespace.<String>getList("paths")));
  }

  /** Exits with {@code code}; when the exit function returns (a test), fails like problems do. */
  private void exitWith(int code) {
    err.flush();
    exit.accept(code);
    throw new CheckFailed();
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    // The problems are already printed; a stack trace would only bury them.
    if (!(e instanceof CheckFailed)) {
      cli.getStdErr().println(Excerpt.middle(String.valueOf(e.getMessage()), 400));
    }
  }

  /** Makes Dropwizard's CLI exit non-zero without printing a stack trace. */
  static final class CheckFailed extends RuntimeException {
    CheckFailed() {
      super("runbook check failed", null, false, false);
    }
  }
}
