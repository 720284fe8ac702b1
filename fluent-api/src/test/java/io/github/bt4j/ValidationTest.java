package io.github.bt4j;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.verify;
import static io.github.bt4j.TestClients.PROJECT_ID;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.bt4j.core.RequestOptions;
import io.github.bt4j.models.AclListParams;
import io.github.bt4j.models.AclObjectType;
import io.github.bt4j.models.InsertProjectLogsEventRequest;
import io.github.bt4j.models.PatchProject;
import io.github.bt4j.models.ProjectListParams;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad arguments fail before anything is sent, with a message naming the argument. */
@WireMockTest
class ValidationTest {
  private BraintrustClient client;

  @BeforeEach
  void connect(WireMockRuntimeInfo wm) {
    client = TestClients.builder(wm).build();
  }

  @AfterEach
  void nothingWasSent() {
    client.close();
    verify(0, anyRequestedFor(anyUrl()));
  }

  static Stream<Arguments> badCalls() {
    return Stream.of(
        call("null String id", "projectId", c -> c.projects().get((String) null)),
        call("blank String id", "projectId", c -> c.projects().get("  ")),
        call("empty String id", "projectId", c -> c.projects().delete("")),
        call("malformed UUID", "projectId", c -> c.projects().get("not-a-uuid")),
        call("UUID with junk", "projectId", c -> c.projects().get(PROJECT_ID + "x")),
        call("null UUID id", "projectId", c -> c.projects().get((String) null)),
        call("null body", "createProject", c -> c.projects().create(null)),
        call("null body with id", "patchProject", c -> c.projects().update(PROJECT_ID, null)),
        call(
            "null insert",
            "insertProjectLogsEventRequest",
            c -> c.logs().insert(PROJECT_ID, (InsertProjectLogsEventRequest) null)),
        call("null params", "params", c -> c.projects().list((ProjectListParams) null)),
        call("null options", "options", c -> c.projects().get(PROJECT_ID, (RequestOptions) null)),
        call(
            "null options with params",
            "options",
            c -> c.projects().list(ProjectListParams.none(), null)),
        call(
            "null required query parameter",
            "objectType",
            c ->
                c.acls()
                    .list(
                        (AclObjectType) null,
                        PROJECT_ID,
                        AclListParams.none(),
                        RequestOptions.none())));
  }

  private static Arguments call(String what, String argument, Consumer<BraintrustClient> call) {
    return Arguments.of(what, argument, call);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCalls")
  void badArgumentIsRejectedNamingIt(
      String what, String argument, Consumer<BraintrustClient> call) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> call.accept(client));
    assertTrue(e.getMessage().startsWith(argument + " "), e.getMessage());
  }

  @Test
  void asyncFormFailsTheFutureInsteadOfThrowing() {
    CompletableFuture<?> future = client.async().projects().get((String) null);
    ExecutionException e = assertThrows(ExecutionException.class, future::get);
    assertInstanceOf(IllegalArgumentException.class, e.getCause());
    assertTrue(e.getCause().getMessage().contains("projectId"));
  }

  @Test
  void asyncFormRejectsNullBody() {
    ExecutionException e =
        assertThrows(
            ExecutionException.class,
            () -> client.async().projects().update(PROJECT_ID, null).get());
    assertInstanceOf(IllegalArgumentException.class, e.getCause());
    assertTrue(e.getCause().getMessage().contains("patchProject"));
  }

  @Test
  void updateWithValidBodyButMalformedIdIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> client.projects().update("123", new PatchProject().name("x")));
    assertTrue(e.getMessage().contains("\"123\""), e.getMessage());
  }

  @Test
  void requestOptionsRejectBadSettings() {
    RequestOptions.Builder b = RequestOptions.builder();
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> b.maxRetries(-1))
            .getMessage()
            .contains("maxRetries"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> b.timeout(Duration.ZERO))
            .getMessage()
            .contains("timeout"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> b.readTimeout(Duration.ofSeconds(-1)))
            .getMessage()
            .contains("readTimeout"));
    assertThrows(IllegalArgumentException.class, () -> b.header("bad name", "v"));
    assertThrows(IllegalArgumentException.class, () -> b.impersonateUser(" "));
  }

  @Test
  void clientBuilderRejectsBadSettings() {
    BraintrustClient.Builder b = BraintrustClient.builder();
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> b.apiKey(" "))
            .getMessage()
            .contains("apiKey"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> b.baseUrl("ftp:/nowhere"))
            .getMessage()
            .contains("baseUrl"));
    assertThrows(IllegalArgumentException.class, () -> b.maxRetries(-1));
    assertThrows(IllegalArgumentException.class, () -> b.connectTimeout(Duration.ZERO));
    IllegalStateException noKey = assertThrows(IllegalStateException.class, b::build);
    assertTrue(noKey.getMessage().contains("API key"), noKey.getMessage());
  }
}
