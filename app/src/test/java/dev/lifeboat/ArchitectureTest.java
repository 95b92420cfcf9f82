package dev.lifeboat;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.temporal.workflow.WorkflowInterface;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules of DESIGN.md §1 and STYLE.md that the compiler does not check, on the compiled main
 * classes of all three modules: the dependency direction {@code app → workflows → activities}, no
 * IO in workflow code (it is replayed, so it must be deterministic), and no cycles between the
 * packages of {@code app}. A rule that breaks names each class and dependency that breaks it.
 */
class ArchitectureTest {
  private static final String ACTIVITIES = "dev.lifeboat.activities..";
  private static final String[] WORKFLOWS = {"dev.lifeboat.workflow..", "dev.lifeboat.runbook.."};
  private static final String APP = "dev.lifeboat.app..";

  /** Test classes (here and in the other modules' test jars) are not held to these rules. */
  private static final ImportOption NO_TEST_JARS =
      location -> !location.matches(Pattern.compile(".*-tests\\.jar.*"));

  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(NO_TEST_JARS)
            .importPackages("dev.lifeboat");
  }

  @Test
  void seesTheMainClassesOfEveryModule() {
    assertThat(classes.containPackage("dev.lifeboat.activities")).as("activities").isTrue();
    assertThat(classes.containPackage("dev.lifeboat.workflow")).as("workflows").isTrue();
    assertThat(classes.containPackage("dev.lifeboat.app")).as("app").isTrue();
    assertThat(classes.stream().map(JavaClass::getSimpleName))
        .as("test classes are left out")
        .doesNotContain("ArchitectureTest", "FreePorts", "CapturedLogs");
  }

  @Test
  void activitiesNeverUseWorkflowsOrApp() {
    noClasses()
        .that()
        .resideInAPackage(ACTIVITIES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(WORKFLOWS[0], WORKFLOWS[1], APP)
        .because("the dependency direction is app → workflows → activities")
        .check(classes);
  }

  @Test
  void workflowsNeverUseApp() {
    noClasses()
        .that()
        .resideInAnyPackage(WORKFLOWS)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(APP)
        .because("the dependency direction is app → workflows → activities")
        .check(classes);
  }

  @Test
  void workflowCodeDoesNoIo() {
    noClasses()
        .that(workflowCode())
        .should()
        .dependOnClassesThat(doIo())
        .orShould()
        .callMethodWhere(readsTheClockOrChance())
        .because(
            "workflow code is replayed from its history and must be deterministic: IO, clocks,"
                + " randomness and threads go through activities or Workflow.*")
        .check(classes);
  }

  @Test
  void appPackagesFormNoCycles() {
    slices()
        .matching("dev.lifeboat.app.(*)..")
        .should()
        .beFreeOfCycles()
        .because(
            "a package of app that imports one that imports it back cannot be understood alone")
        .check(classes);
  }

  /**
   * The classes implementing a Temporal workflow interface and every class of {@code
   * dev.lifeboat.workflow} or {@code dev.lifeboat.runbook} they use, directly or through each
   * other.
   */
  private static DescribedPredicate<JavaClass> workflowCode() {
    Set<JavaClass> reached = new HashSet<>();
    Deque<JavaClass> todo = new ArrayDeque<>();
    classes.stream().filter(ArchitectureTest::implementsAWorkflow).forEach(todo::add);
    assertThat(todo).as("workflow implementations").isNotEmpty();
    DescribedPredicate<JavaClass> workflowModule = resideInAnyPackage(WORKFLOWS);
    while (!todo.isEmpty()) {
      JavaClass next = todo.pop();
      if (reached.add(next)) {
        next.getDirectDependenciesFromSelf().stream()
            .map(Dependency::getTargetClass)
            .filter(workflowModule)
            .forEach(todo::push);
      }
    }
    return describe(
        "are workflow code (a workflow implementation or what it uses)", reached::contains);
  }

  private static boolean implementsAWorkflow(JavaClass type) {
    return !type.isInterface()
        && type.getAllRawInterfaces().stream()
            .anyMatch(contract -> contract.isAnnotatedWith(WorkflowInterface.class));
  }

  private static DescribedPredicate<JavaClass> doIo() {
    return resideInAnyPackage(
            "java.io..",
            "java.nio.file..",
            "java.nio.channels..",
            "java.net..",
            "java.sql..",
            "javax.sql..",
            "java.util.concurrent..")
        .or(assignableTo(Thread.class))
        .or(assignableTo(Executor.class))
        .or(assignableTo(Random.class))
        .or(assignableTo(SecureRandom.class))
        .or(assignableTo(ProcessBuilder.class))
        .or(assignableTo(Runtime.class))
        .or(assignableTo(Clock.class))
        // URIs are values: parsing one reaches nothing.
        .and(not(type(URI.class)).and(not(type(URISyntaxException.class))))
        .as("do IO, run threads or draw chance (java.io, java.nio.file, java.net, JDBC, threads…)");
  }

  /** {@code System.currentTimeMillis()}, {@code Instant.now()}, {@code UUID.randomUUID()}… */
  private static DescribedPredicate<JavaMethodCall> readsTheClockOrChance() {
    return describe(
        "read the system clock, environment or chance (System.currentTimeMillis, Instant.now,"
            + " UUID.randomUUID, Math.random, System.getenv…)",
        call -> {
          String owner = call.getTargetOwner().getName();
          String name = call.getName();
          return (owner.equals(System.class.getName())
                  && Set.of("currentTimeMillis", "nanoTime", "getenv", "getProperty", "exit")
                      .contains(name))
              || (owner.startsWith("java.time.") && name.equals("now"))
              || (owner.equals(UUID.class.getName()) && name.equals("randomUUID"))
              || (owner.equals(Math.class.getName()) && name.equals("random"));
        });
  }
}
