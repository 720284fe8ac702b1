package io.github.bt4j.testing.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;

/**
 * The fake's organization and its people: one organization, the owner of the API key and two more
 * members that calls can impersonate, and the built-in roles. They are made once per server and
 * seeded again after every reset, so their ids do not change.
 */
final class Directory {
  private final JsonObject organization;
  private final List<JsonObject> users;
  private final List<JsonObject> roles =
      List.of(
          role("Viewer", "read"),
          role("Engineer", "create", "read", "update", "delete"),
          role(
              "Owner",
              "create",
              "read",
              "update",
              "delete",
              "create_acls",
              "read_acls",
              "update_acls",
              "delete_acls"));

  Directory(String baseUrl) {
    organization = new JsonObject();
    organization.addProperty("id", JsonValues.newId());
    organization.addProperty("name", FakeServer.ORG_NAME);
    organization.addProperty("api_url", baseUrl);
    organization.addProperty("proxy_url", baseUrl);
    organization.addProperty("is_universal_api", true);
    organization.addProperty("created", JsonValues.now());
    users =
        List.of(
            user(FakeServer.OWNER_EMAIL, "Dana", "Owner"),
            user(FakeServer.MEMBER_EMAILS.get(0), "Alice", "Member"),
            user(FakeServer.MEMBER_EMAILS.get(1), "Bob", "Member"));
  }

  String orgId() {
    return organization.get("id").getAsString();
  }

  String orgName() {
    return organization.get("name").getAsString();
  }

  /** The owner of the API key: whom a call acts as unless it impersonates someone. */
  JsonObject owner() {
    return users.get(0);
  }

  /** The member whose id or email (in any case) is {@code idOrEmail}, or null. */
  JsonObject findUser(String idOrEmail) {
    for (JsonObject user : users) {
      if (user.get("id").getAsString().equalsIgnoreCase(idOrEmail)
          || user.get("email")
              .getAsString()
              .toLowerCase(Locale.ROOT)
              .equals(idOrEmail.toLowerCase(Locale.ROOT))) {
        return user;
      }
    }
    return null;
  }

  /** Puts the organization, its members and the system roles into {@code store}. */
  void seed(ObjectStore store) {
    store.seed(ObjectKinds.ORGANIZATION, organization);
    for (JsonObject user : users) {
      store.seed(ObjectKinds.USER, user);
    }
    for (JsonObject role : roles) {
      store.seed(ObjectKinds.ROLE, role);
    }
  }

  private static JsonObject user(String email, String given, String family) {
    JsonObject user = new JsonObject();
    user.addProperty("id", JsonValues.newId());
    user.addProperty("email", email);
    user.addProperty("given_name", given);
    user.addProperty("family_name", family);
    user.addProperty("created", JsonValues.now());
    return user;
  }

  /** A system role: no {@code org_id}, so anybody may be granted it. */
  private static JsonObject role(String name, String... permissions) {
    JsonObject role = new JsonObject();
    role.addProperty("id", JsonValues.newId());
    role.addProperty("name", name);
    role.addProperty("description", "Built-in role");
    role.addProperty("created", JsonValues.now());
    JsonArray granted = new JsonArray();
    for (String p : permissions) {
      JsonObject grant = new JsonObject();
      grant.addProperty("permission", p);
      granted.add(grant);
    }
    role.add("member_permissions", granted);
    return role;
  }
}
