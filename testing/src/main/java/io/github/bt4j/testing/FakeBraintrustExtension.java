package io.github.bt4j.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs a {@link FakeBraintrust} for a test class: started before the
 * class's first test, {@linkplain FakeBraintrust#reset() reset} before each test (so every test
 * starts from an empty fake), and closed after the last. Test and lifecycle methods (and
 * constructors) receive it as a parameter:
 *
 * <pre>{@code
 * @ExtendWith(FakeBraintrustExtension.class)
 * class AnswerLoggerTest {
 *   @Test
 *   void logsEachAnswer(FakeBraintrust braintrust) {
 *     try (BraintrustClient client = BraintrustClient.builder()
 *         .apiKey(braintrust.apiKey()).baseUrl(braintrust.baseUrl()).build()) {
 *       ...
 *     }
 *   }
 * }
 * }</pre>
 *
 * <p>With settings, register it in a static field; {@link #fake()} then also gives the fake:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FakeBraintrustExtension braintrust =
 *     new FakeBraintrustExtension(FakeBraintrust.builder().apiKey("sk-test"));
 * }</pre>
 *
 * <p>Registered in an instance field instead, it runs one fake per test. {@code @Nested} classes
 * share their enclosing class's fake. The tests of a class share one fake and each reset empties
 * it, so they must not run concurrently with each other (other classes have fakes of their own).
 * JUnit 5 is not a dependency of bt4j-testing: the project's own JUnit is used.
 */
public final class FakeBraintrustExtension
    implements BeforeAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        AfterAllCallback,
        ParameterResolver {
  private static final String KEY = "fake";

  private final FakeBraintrust.Builder settings;
  private final ExtensionContext.Namespace namespace;
  private volatile FakeBraintrust current;

  /** An extension whose fakes have the default settings (see {@link FakeBraintrust#start()}). */
  public FakeBraintrustExtension() {
    this(FakeBraintrust.builder());
  }

  /**
   * An extension whose fakes are started by {@code settings} (as they are when each one starts).
   *
   * @throws IllegalArgumentException if {@code settings} is null
   */
  public FakeBraintrustExtension(FakeBraintrust.Builder settings) {
    if (settings == null) {
      throw new IllegalArgumentException("settings must not be null");
    }
    this.settings = settings;
    this.namespace = ExtensionContext.Namespace.create(FakeBraintrustExtension.class, this);
  }

  /**
   * The fake the running tests use.
   *
   * @throws IllegalStateException outside the tests of the class that registered this extension
   */
  public FakeBraintrust fake() {
    FakeBraintrust fake = current;
    if (fake == null) {
      throw new IllegalStateException("no fake Braintrust is running: fake() works during tests");
    }
    return fake;
  }

  /** Starts the class's fake. */
  @Override
  public void beforeAll(ExtensionContext context) {
    acquire(context);
  }

  /** Empties the fake (starting one first when registered in an instance field). */
  @Override
  public void beforeEach(ExtensionContext context) {
    acquire(context).reset();
  }

  /** Closes the fake if it was started for this test alone. */
  @Override
  public void afterEach(ExtensionContext context) {
    release(context);
  }

  /** Closes the class's fake. */
  @Override
  public void afterAll(ExtensionContext context) {
    release(context);
  }

  /** Whether the parameter is a {@link FakeBraintrust}. */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == FakeBraintrust.class;
  }

  /** The fake of the running test. */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return acquire(context);
  }

  /**
   * The fake of {@code context} or of an enclosing one (a store lookup also searches the parents);
   * if there is none, a new one that belongs to {@code context}.
   */
  private FakeBraintrust acquire(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(namespace);
    FakeBraintrust fake = store.get(KEY, FakeBraintrust.class);
    if (fake == null) {
      fake = settings.start();
      store.put(KEY, fake);
    }
    current = fake;
    return fake;
  }

  /** Closes the fake that belongs to {@code context} itself, if any (remove does not climb). */
  private void release(ExtensionContext context) {
    FakeBraintrust fake = context.getStore(namespace).remove(KEY, FakeBraintrust.class);
    if (fake != null) {
      fake.close();
      if (current == fake) {
        current = null;
      }
    }
  }
}
