package io.github.bt4j.testing.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.github.bt4j.testing.internal.ObjectKind.Scope;
import io.github.bt4j.testing.internal.ObjectKind.Write;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The object types the fake serves, with the rules the spec states for each: projects, datasets,
 * experiments, prompts, functions, roles and ACLs are created and read; users and the organization
 * are read-only and seeded by {@link Directory}.
 */
final class ObjectKinds {
  private static final List<Write> ALL_BUT_REPLACE =
      List.of(Write.CREATE, Write.PATCH, Write.DELETE);
  private static final List<Write> ALL = List.of(Write.values());

  /** "If there is an existing project with the same name ... will return the existing project". */
  static final ObjectKind PROJECT =
      new ObjectKind(
          "project",
          Scope.ORG,
          List.of("name"),
          o -> key(o, "org_id", "name"),
          Map.of("project_name", "name"),
          ALL_BUT_REPLACE,
          false,
          ObjectKinds::recordCreator);

  /** Same name in the project returns the existing one, unless {@code ensure_new} is true. */
  static final ObjectKind EXPERIMENT =
      new ObjectKind(
          "experiment",
          Scope.PROJECT,
          List.of("project_id"),
          o -> key(o, "project_id", "name"),
          Map.of("experiment_name", "name"),
          ALL_BUT_REPLACE,
          true,
          (o, user, store) -> {
            recordCreator(o, user, store);
            if (!o.has("public")) {
              o.addProperty("public", false);
            }
          });

  static final ObjectKind DATASET =
      new ObjectKind(
          "dataset",
          Scope.PROJECT,
          List.of("project_id", "name"),
          o -> key(o, "project_id", "name"),
          Map.of("dataset_name", "name"),
          ALL_BUT_REPLACE,
          false,
          (o, user, store) -> {
            recordCreator(o, user, store);
            o.addProperty("url_slug", slug(o.get("name").getAsString()));
          });

  /** Prompts and functions are unique by slug within their project. */
  static final ObjectKind PROMPT =
      new ObjectKind(
          "prompt",
          Scope.PROJECT,
          List.of("project_id", "name", "slug"),
          o -> key(o, "project_id", "slug"),
          Map.of("prompt_name", "name", "slug", "slug"),
          ALL,
          false,
          ObjectKinds::completeProjectFunction);

  static final ObjectKind FUNCTION =
      new ObjectKind(
          "function",
          Scope.PROJECT,
          List.of("project_id", "name", "slug", "function_data"),
          o -> key(o, "project_id", "slug"),
          Map.of("function_name", "name", "slug", "slug"),
          ALL,
          false,
          ObjectKinds::completeProjectFunction);

  static final ObjectKind ROLE =
      new ObjectKind(
          "role",
          Scope.ORG,
          List.of("name"),
          o -> key(o, "org_id", "name"),
          Map.of("role_name", "name"),
          ALL_BUT_REPLACE,
          false,
          ObjectKinds::recordCreator);

  /** "If there is an existing acl with the same contents ... will return the existing acl". */
  static final ObjectKind ACL =
      new ObjectKind(
          "acl",
          Scope.NONE,
          List.of("object_type", "object_id"),
          o ->
              key(
                  o,
                  "object_type",
                  "object_id",
                  "user_id",
                  "group_id",
                  "permission",
                  "role_id",
                  "restrict_object_type"),
          Map.of(
              "object_type", "object_type",
              "object_id", "object_id",
              "user_id", "user_id",
              "group_id", "group_id",
              "permission", "permission",
              "role_id", "role_id",
              "restrict_object_type", "restrict_object_type"),
          List.of(Write.CREATE, Write.DELETE),
          false,
          ObjectKinds::completeAcl);

  static final ObjectKind USER =
      new ObjectKind(
          "user",
          Scope.NONE,
          List.of(),
          null,
          Map.of("email", "email", "given_name", "given_name", "family_name", "family_name"),
          List.of(),
          false,
          (o, user, store) -> {});

  static final ObjectKind ORGANIZATION =
      new ObjectKind(
          "organization",
          Scope.NONE,
          List.of(),
          null,
          Map.of(),
          List.of(),
          false,
          (o, user, store) -> {});

  static final List<ObjectKind> ALL_KINDS =
      List.of(PROJECT, EXPERIMENT, DATASET, PROMPT, FUNCTION, ROLE, ACL, USER, ORGANIZATION);

  private ObjectKinds() {}

  /**
   * The kind whose path segment is {@code type}.
   *
   * @throws IllegalArgumentException if there is none
   */
  static ObjectKind byType(String type) {
    for (ObjectKind kind : ALL_KINDS) {
      if (kind.type().equals(type)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("type: not an object type of the fake Braintrust: " + type);
  }

  /** Sets {@code user_id}, "the user who created" the object: whom the call acted as. */
  private static void recordCreator(JsonObject o, JsonObject actingUser, ObjectStore store) {
    o.add("user_id", actingUser.get("id"));
  }

  private static void completeProjectFunction(
      JsonObject o, JsonObject actingUser, ObjectStore store) {
    o.addProperty("log_id", "p");
    o.addProperty("org_id", store.directory().orgId());
    o.addProperty("_xact_id", Long.toString(store.nextXact()));
  }

  private static void completeAcl(JsonObject o, JsonObject actingUser, ObjectStore store) {
    boolean user = o.has("user_id") && !o.get("user_id").isJsonNull();
    boolean group = o.has("group_id") && !o.get("group_id").isJsonNull();
    boolean permission = o.has("permission") && !o.get("permission").isJsonNull();
    boolean role = o.has("role_id") && !o.get("role_id").isJsonNull();
    if (user == group) {
      throw ApiError.badRequest("an acl names exactly one of user_id and group_id");
    }
    if (permission == role) {
      throw ApiError.badRequest("an acl names exactly one of permission and role_id");
    }
    o.addProperty("_object_org_id", store.directory().orgId());
  }

  /** The values of {@code fields}, joined; null members count as empty. */
  private static String key(JsonObject o, String... fields) {
    StringBuilder key = new StringBuilder();
    for (String f : fields) {
      JsonElement v = o.get(f);
      key.append(v == null || v.isJsonNull() ? "" : v.getAsString()).append('\u0000');
    }
    return key.toString();
  }

  private static String slug(String name) {
    String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return slug.replaceAll("(^-+)|(-+$)", "");
  }
}
