package dev.lifeboat.runbook;

import dev.lifeboat.activities.secrets.SecretPlaceholders;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one runbook document: the plan's own fields, its params, then its stages with the
 * references checked (and substituted when launching).
 */
final class RunbookReader {
  static final List<String> FIELDS =
      List.of(
          "name",
          "title",
          "owner",
          "objectives",
          "params",
          "secrets",
          "drill",
          "drills",
          "stages",
          "finally",
          "exercise");
  static final List<String> OBJECTIVE_FIELDS = List.of("rto", "rpo");

  /** Plan names appear in URLs and workflow ids: a DNS label. */
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  /**
   * What was read.
   *
   * @param params the resolved launch values; empty when not launching
   */
  record Reading(Optional<Runbook> runbook, Map<String, String> params) {}

  private final Problems problems;
  private final Optional<RunBindings> bindings;
  private final Optional<Set<String>> knownHosts;
  private final Optional<Set<String>> knownServers;
  private final Map<String, String> hostSites;
  private final Optional<DrillGuard> drillRule;
  private final boolean noSmtp;

  /**
   * @param knownHosts the configured SSH host names, or empty to not check them
   * @param knownServers the configured PostgreSQL server names, or empty to not check them
   * @param hostSites the site of every configured host that has one
   * @param noSmtp whether no SMTP server is configured, so an email step is a problem
   */
  RunbookReader(
      Problems problems,
      Optional<RunBindings> bindings,
      Optional<Set<String>> knownHosts,
      Optional<Set<String>> knownServers,
      Map<String, String> hostSites,
      Optional<DrillGuard> drillRule,
      boolean noSmtp) {
    this.problems = problems;
    this.noSmtp = noSmtp;
    this.drillRule = drillRule;
    this.bindings = bindings;
    this.knownHosts = knownHosts;
    this.knownServers = knownServers;
    this.hostSites = hostSites;
  }

  Reading read(Node root) {
    Field document = new Field(root, "", problems);
    if (!(root instanceof MappingNode)) {
      document.fail(
          "a runbook is a map of name, title, owner, objectives, params, secrets, stages and"
              + " finally;"
              + " this is not a map");
      return new Reading(Optional.empty(), Map.of());
    }
    YamlMap plan = document.map().orElseThrow().allow(FIELDS);
    Optional<String> name = plan.required("name").flatMap(this::name);
    Optional<String> title = plan.required("title").flatMap(Field::text);
    Optional<String> owner = plan.required("owner").flatMap(Field::text);
    Optional<Objectives> objectives = plan.required("objectives").flatMap(this::objectives);
    ParamsReader.ParamDeclarations params =
        plan.optional("params")
            .map(f -> new ParamsReader(problems).read(f))
            .orElse(ParamsReader.ParamDeclarations.NONE);
    SecretsReader.SecretDeclarations secrets =
        plan.optional("secrets")
            .map(f -> new SecretsReader(problems).read(f))
            .orElse(SecretsReader.SecretDeclarations.NONE);
    PlanDrillReader drill = new PlanDrillReader(problems);
    Map<String, String> drillParams =
        plan.optional("drill").map(f -> drill.params(f, params.valid())).orElse(Map.of());
    boolean exclusiveDrills = plan.optional("drills").map(drill::exclusive).orElse(false);
    Optional<Exercise> exercise = plan.optional("exercise").flatMap(ExerciseReader::read);
    Optional<String> mode = bindings.map(RunBindings::mode);
    Optional<Map<String, String>> launch =
        bindings.map(
            run -> new LaunchValues(problems).resolve(params.valid(), given(run, drillParams)));
    References references =
        new References(
            params,
            secrets.names(),
            launch.map(
                values -> referenceValues(values, secrets, bindings.get(), name.orElse(""))));
    Optional<Duration> rpo = objectives.map(Objectives::rpo);
    StagesReader stagesReader =
        new StagesReader(
            problems,
            references,
            rpo,
            knownHosts,
            knownServers,
            hostSites,
            new NotifyTemplates(
                problems, name.orElse(""), title.orElse(""), params.valid(), params.names()),
            mode,
            bindings.isEmpty() ? drillRule : Optional.empty(),
            noSmtp);
    Optional<List<Stage>> stages = plan.required("stages").flatMap(stagesReader::read);
    Optional<List<Stage>> finallyStages =
        plan.optional("finally").map(stagesReader::readFinally).orElse(Optional.of(List.of()));
    if (problems.count() > 0) {
      return new Reading(Optional.empty(), Map.of());
    }
    List<Param> declared = params.valid().stream().map(DeclaredParam::param).toList();
    return new Reading(
        Optional.of(
            new Runbook(
                name.get(),
                title.get(),
                owner.get(),
                objectives.get(),
                declared,
                stages.get(),
                finallyStages.get(),
                exclusiveDrills,
                stagesReader.written(),
                exercise.orElse(null))),
        launch.orElse(Map.of()));
  }

  /** The launcher's values; in a drill, the plan's drill values where the launcher gave none. */
  private static Map<String, String> given(RunBindings run, Map<String, String> drillParams) {
    if (!"drill".equals(run.mode())) {
      return run.params();
    }
    Map<String, String> given = new HashMap<>(drillParams);
    given.putAll(run.params());
    return given;
  }

  private Optional<String> name(Field field) {
    return field
        .text()
        .filter(
            name -> {
              if (!NAME.matcher(name).matches()) {
                field.fail(
                    "'"
                        + name
                        + "' is not a valid plan name; use lowercase letters, digits and '-',"
                        + " starting with a letter or digit, at most 63 characters");
                return false;
              }
              return true;
            });
  }

  private Optional<Objectives> objectives(Field field) {
    return field
        .map()
        .flatMap(
            map -> {
              map.allow(OBJECTIVE_FIELDS);
              Optional<Duration> rto = map.required("rto").flatMap(Field::duration);
              Optional<Duration> rpo = map.required("rpo").flatMap(Field::duration);
              return rto.flatMap(t -> rpo.map(p -> new Objectives(t, p)));
            });
  }

  /** The value of every reference a text field may hold; a secret's is its placeholder. */
  private static Map<String, String> referenceValues(
      Map<String, String> params,
      SecretsReader.SecretDeclarations secrets,
      RunBindings run,
      String planName) {
    Map<String, String> values = new HashMap<>();
    params.forEach((param, value) -> values.put("params." + param, value));
    secrets
        .valid()
        .forEach(
            (secret, reference) ->
                values.put("secrets." + secret, SecretPlaceholders.of(reference)));
    values.put("run.id", run.runId());
    values.put("run.mode", run.mode());
    values.put("run.launcher", run.launcher());
    values.put("plan.name", planName);
    return values;
  }
}
