package io.github.bt4j.testing.internal;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the fake knows about one type of object of the API (project, experiment, dataset...): where
 * it lives, what a create needs, what makes two of them the same, how lists filter it.
 *
 * @param type the path segment ({@code /v1/<type>}) and the name used in messages
 * @param scope what an object belongs to
 * @param required the fields a create must give
 * @param uniqueKey the key under which a create returns the existing object instead of a new one
 *     (null: every create is new)
 * @param listFilters query parameters of the list operation and the field each one matches
 * @param writes the write operations the fake serves for this type
 * @param ensureNew whether creates accept {@code ensure_new} (a new object with a free name)
 * @param complete fills the fields the server sets on a new object of this type
 */
record ObjectKind(
    String type,
    Scope scope,
    List<String> required,
    Function<JsonObject, String> uniqueKey,
    Map<String, String> listFilters,
    List<Write> writes,
    boolean ensureNew,
    Completion complete) {

  /** What an object belongs to. */
  enum Scope {
    /** The organization: creates set {@code org_id}; lists filter on {@code org_name}. */
    ORG,
    /** A project: creates need an existing {@code project_id}; lists filter on the project. */
    PROJECT,
    /** Nothing the fake checks (users, organizations, ACLs). */
    NONE
  }

  /** A write operation. */
  enum Write {
    CREATE,
    REPLACE,
    PATCH,
    DELETE
  }

  /** Sets the server-side fields of a new object. */
  interface Completion {
    void complete(JsonObject created, JsonObject actingUser, ObjectStore store);
  }

  boolean allows(Write write) {
    return writes.contains(write);
  }
}
