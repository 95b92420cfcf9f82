package dev.lifeboat.app.cli;

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
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code lifeboat check <files or folders>}: validates runbooks and lists every problem as {@code
 * file:line:column: field: message}; exits non-zero when there is any.
 */
public final class CheckCommand extends Command {
  private final PrintStream out;
  private final PrintStream err;

  public CheckCommand(PrintStream out, PrintStream err) {
    super("check", "Validate runbook files or folders and list every problem");
    this.out = out;
    this.err = err;
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("paths").nargs("+").help("runbook files or folders of *.yml/*.yaml");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) {
    List<Path> paths = namespace.<String>getList("paths").stream().map(Path::of).toList();
    List<RunbookProblem> problems =
        new RunbookCheck(new RunbookFolder(new RunbookParser())).check(paths);
    for (RunbookProblem problem : problems) {
      err.println(problem.format());
    }
    if (!problems.isEmpty()) {
      err.println(problems.size() + " problem(s)");
      throw new CheckFailed();
    }
    out.println("ok: no problems in " + String.join(", ", namespace.<String>getList("paths")));
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    // The problems are already printed; a stack trace would only bury them.
    if (!(e instanceof CheckFailed)) {
      cli.getStdErr().println(e.getMessage());
    }
  }

  /** Makes Dropwizard's CLI exit non-zero without printing a stack trace. */
  static final class CheckFailed extends RuntimeException {
    CheckFailed() {
      super("runbook check failed", null, false, false);
    }
  }
}
