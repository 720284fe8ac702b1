package io.github.bt4j.examples.standin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bt4j.BraintrustClient;
import io.github.bt4j.RequestOptions;
import io.github.bt4j.errors.AuthenticationException;
import io.github.bt4j.errors.PermissionDeniedException;
import io.github.bt4j.generated.model.CreateProject;
import io.github.bt4j.generated.model.Organization;
import io.github.bt4j.generated.model.Project;
import io.github.bt4j.generated.model.Role;
import io.github.bt4j.generated.model.User;
import io.github.bt4j.resources.ProjectsResource;
import io.github.bt4j.resources.RolesResource;
import io.github.bt4j.resources.UsersResource;
import java.util.List;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StandInAuthTest {
  private final StandInFixture api = new StandInFixture();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void callsWithoutTheKeyAreUnauthorized() {
    StandInFixture.Answer missing =
        api.send(new Request.Builder().url(api.standIn.baseUrl() + "/v1/project").get().build());
    assertEquals(401, missing.status());
    assertEquals(
        "Missing Authorization header: send 'Authorization: Bearer <your API key>'",
        missing.body());
    assertNotNull(missing.requestId());

    try (BraintrustClient wrongKey =
        BraintrustClient.builder()
            .apiKey("sk-not-the-key")
            .baseUrl(api.standIn.baseUrl())
            .build()) {
      AuthenticationException e =
          assertThrows(AuthenticationException.class, () -> wrongKey.projects().list());
      assertEquals("Invalid API key", e.serverMessage());
      assertNotNull(e.requestId());
    }
  }

  @Test
  void impersonatedCallsActAsTheMember() {
    String alice = StandIn.MEMBER_EMAILS.get(0);
    User aliceUser = userByEmail(alice);

    Project mine = api.client.projects().create(new CreateProject().name("mine"));
    Project hers =
        api.client
            .projects()
            .create(
                new CreateProject().name("hers"),
                RequestOptions.builder().impersonateUser(alice).build());
    Project byId =
        api.client
            .withOptions(b -> b.impersonateUser(aliceUser.getId().toString()))
            .projects()
            .create(new CreateProject().name("hers-too"));

    assertEquals(userByEmail(StandIn.OWNER_EMAIL).getId(), mine.getUserId());
    assertEquals(aliceUser.getId(), hers.getUserId());
    assertEquals(aliceUser.getId(), byId.getUserId());
    assertEquals(alice, api.client.users().get(hers.getUserId()).getEmail());
  }

  @Test
  void impersonatingAStrangerIsForbidden() {
    PermissionDeniedException e =
        assertThrows(
            PermissionDeniedException.class,
            () ->
                api.client
                    .projects()
                    .list(
                        ProjectsResource.ListParams.none(),
                        RequestOptions.builder().impersonateUser("mallory@example.com").build()));
    assertEquals(
        "Cannot impersonate 'mallory@example.com': no such user in the organization",
        e.serverMessage());
  }

  @Test
  void theOrganizationItsMembersAndRolesCanBeRead() {
    List<Organization> orgs = api.client.organizations().list().getObjects();
    List<Role> owner =
        api.client
            .roles()
            .list(RolesResource.ListParams.builder().roleName("Owner").build())
            .getObjects();

    assertEquals(List.of(StandIn.ORG_NAME), orgs.stream().map(Organization::getName).toList());
    assertEquals(3, api.client.users().list().getObjects().size());
    assertEquals(1, owner.size());
    assertEquals("Owner", owner.get(0).getName());
  }

  private User userByEmail(String email) {
    List<User> users =
        api.client
            .users()
            .list(UsersResource.ListParams.builder().email(List.of(email)).build())
            .getObjects();
    assertEquals(1, users.size());
    return users.get(0);
  }
}
