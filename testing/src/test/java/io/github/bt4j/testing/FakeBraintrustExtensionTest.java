package io.github.bt4j.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs sample test classes (static nested classes, which Surefire does not run by itself) through
 * the JUnit Platform, and checks what their tests saw: when the extension starts, resets and stops
 * its fake, and how tests reach it.
 */
class FakeBraintrustExtensionTest {
  /** What the samples' tests saw, one entry per test; each sample run starts with it empty. */
  private static final List<Seen> seen = new ArrayList<>();

  /** The fake a test was given and the number of projects it held when the test began. */
  private record Seen(FakeBraintrust fake, String baseUrl, int projectsAtStart) {}

  private static synchronized void see(FakeBraintrust fake) {
    seen.add(new Seen(fake, fake.baseUrl(), fake.objects(ObjectType.PROJECT).size()));
  }

  @ExtendWith(FakeBraintrustExtension.class)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class InjectedSample {
    static FakeBraintrust atBeforeAll;
    private final FakeBraintrust atConstruction;

    InjectedSample(FakeBraintrust fake) {
      atConstruction = fake;
    }

    @BeforeAll
    static void remember(FakeBraintrust fake) {
      atBeforeAll = fake;
    }

    @Test
    @Order(1)
    void first(FakeBraintrust fake) {
      assertSame(atBeforeAll, fake);
      assertSame(atConstruction, fake);
      see(fake);
      createProject(fake, "left behind");
    }

    @Test
    @Order(2)
    void second(FakeBraintrust fake) {
      assertSame(atBeforeAll, fake);
      see(fake);
      createProject(fake, "left behind");
    }
  }

  @Test
  void injectedFakesAreOnePerClassResetBeforeEachTestAndClosedAfterTheLast() {
    List<Seen> tests = run(InjectedSample.class, 2);

    assertSame(tests.get(0).fake(), tests.get(1).fake());
    assertEquals(0, tests.get(0).projectsAtStart());
    assertEquals(0, tests.get(1).projectsAtStart(), "the first test's project was reset away");
    assertClosed(tests.get(0).baseUrl());
  }

  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class RegisteredSample {
    @RegisterExtension
    static final FakeBraintrustExtension braintrust =
        new FakeBraintrustExtension(FakeBraintrust.builder().apiKey("sk-sample"));

    @BeforeEach
    void seed() {
      createProject(braintrust.fake(), "seeded");
    }

    @Test
    @Order(1)
    void first() {
      assertEquals("sk-sample", braintrust.fake().apiKey());
      see(braintrust.fake());
    }

    @Test
    @Order(2)
    void second(FakeBraintrust fake) {
      assertSame(braintrust.fake(), fake);
      see(fake);
    }
  }

  @Test
  void aRegisteredExtensionTakesSettingsAndResetsBeforeTheTestsOwnSetUp() {
    List<Seen> tests = run(RegisteredSample.class, 2);

    assertSame(tests.get(0).fake(), tests.get(1).fake());
    assertEquals(1, tests.get(0).projectsAtStart(), "the @BeforeEach project is kept");
    assertEquals(1, tests.get(1).projectsAtStart(), "and only this test's");
    assertClosed(tests.get(0).baseUrl());
    assertThrows(IllegalStateException.class, RegisteredSample.braintrust::fake);
  }

  static class PerTestSample {
    @RegisterExtension final FakeBraintrustExtension braintrust = new FakeBraintrustExtension();

    @Test
    void one() {
      see(braintrust.fake());
    }

    @Test
    void another(FakeBraintrust fake) {
      assertSame(braintrust.fake(), fake);
      see(fake);
    }
  }

  @Test
  void anInstanceFieldGivesEachTestAFakeOfItsOwn() {
    List<Seen> tests = run(PerTestSample.class, 2);

    assertNotEquals(tests.get(0).baseUrl(), tests.get(1).baseUrl());
    assertClosed(tests.get(0).baseUrl());
    assertClosed(tests.get(1).baseUrl());
  }

  @ExtendWith(FakeBraintrustExtension.class)
  static class NestedSample {
    static FakeBraintrust outer;

    @BeforeAll
    static void remember(FakeBraintrust fake) {
      outer = fake;
    }

    @Test
    void outerTest(FakeBraintrust fake) {
      see(fake);
      createProject(fake, "outer");
    }

    @Nested
    class Inner {
      @Test
      void innerTest(FakeBraintrust fake) {
        assertSame(outer, fake);
        see(fake);
      }
    }
  }

  @Test
  void nestedClassesShareTheEnclosingClassesFake() {
    List<Seen> tests = run(NestedSample.class, 2);

    assertSame(tests.get(0).fake(), tests.get(1).fake());
    assertEquals(0, tests.get(1).projectsAtStart());
    assertClosed(tests.get(0).baseUrl());
  }

  @Test
  void outsideATestThereIsNoFake() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> new FakeBraintrustExtension().fake());

    assertEquals("no fake Braintrust is running: fake() works during tests", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new FakeBraintrustExtension(null));
  }

  /** Runs {@code sample}'s tests, which must all pass; returns what they saw, in order. */
  private static List<Seen> run(Class<?> sample, int tests) {
    synchronized (FakeBraintrustExtensionTest.class) {
      seen.clear();
    }
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request().selectors(selectClass(sample)).build(),
            listener);
    TestExecutionSummary summary = listener.getSummary();
    StringWriter failures = new StringWriter();
    summary.printFailuresTo(new PrintWriter(failures), 20);
    assertEquals(0, summary.getTotalFailureCount(), failures.toString());
    assertEquals(tests, summary.getTestsSucceededCount());
    synchronized (FakeBraintrustExtensionTest.class) {
      return List.copyOf(seen);
    }
  }

  private static void createProject(FakeBraintrust fake, String name) {
    HttpRequest create =
        HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/v1/project"))
            .header("Authorization", "Bearer " + fake.apiKey())
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\"}"))
            .build();
    assertEquals(200, send(create));
  }

  private static void assertClosed(String baseUrl) {
    HttpRequest ping = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/project")).build();
    Exception e = assertThrows(Exception.class, () -> send(ping));
    assertTrue(refused(e), "expected a refused connection, got " + e);
  }

  private static int send(HttpRequest request) {
    try {
      return HttpClient.newHttpClient()
          .send(request, HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean refused(Throwable e) {
    return e instanceof ConnectException || (e.getCause() != null && refused(e.getCause()));
  }
}
