package io.github.bt4j.examples;

import io.github.bt4j.BraintrustClient;
import io.github.bt4j.core.RequestOptions;
import io.github.bt4j.models.CreateProject;
import io.github.bt4j.models.Project;
import io.github.bt4j.models.User;
import io.github.bt4j.models.UserListParams;
import io.github.bt4j.testing.FakeBraintrust;
import java.util.List;

/**
 * The API guide's "Impersonate a user": act as another member of the organisation with the {@code
 * x-bt-impersonate-user} header, either for one call ({@link RequestOptions}) or for every call of
 * a derived client ({@link BraintrustClient#withOptions}). The guide checks who it acts as with
 * {@code GET /api/self/me}, which the spec does not declare; this example looks the user up with
 * {@code GET /v1/user?email=...} instead, and shows that what it creates is recorded as theirs.
 *
 * <p>Pass the email of a member of your organisation as the first argument when you run it against
 * the real API (impersonation needs the Owner role, as the guide explains); the default is a member
 * of the local fake Braintrust.
 *
 * <pre>mvn -q -pl examples exec:java -Dexec.mainClass=io.github.bt4j.examples.ImpersonateUser</pre>
 */
public final class ImpersonateUser {
  private ImpersonateUser() {}

  /** Runs the example against the API or a local stand-in (see {@link ExampleSupport}). */
  public static void main(String[] args) {
    String email = args.length > 0 ? args[0] : FakeBraintrust.MEMBER_EMAILS.get(0);
    try (BraintrustClient client = ExampleSupport.client()) {
      run(client, email);
    }
  }

  static void run(BraintrustClient client, String email) {
    List<User> users =
        client.users().list(UserListParams.builder().email(List.of(email)).build()).stream()
            .toList();
    if (users.isEmpty()) {
      System.out.println("No user with email " + email + " in this organisation");
      return;
    }
    User user = users.get(0);
    System.out.println("Acting as  " + user.getEmail() + "  " + user.getId());

    // One call as the user...
    Project project =
        client
            .projects()
            .create(
                new CreateProject().name("impersonation-demo"),
                RequestOptions.builder().impersonateUser(user.getId().toString()).build());
    System.out.println(
        "Project    " + project.getName() + " created by user " + project.getUserId());

    // ...or a client whose every call acts as them, sharing the parent's connections.
    BraintrustClient asUser = client.withOptions(b -> b.impersonateUser(email));
    Project again = asUser.projects().get(project.getId());
    System.out.println("Read back  " + again.getName() + " as " + email);
  }
}
