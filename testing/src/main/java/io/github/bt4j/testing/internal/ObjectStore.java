package io.github.bt4j.testing.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The objects of the API (projects, experiments, datasets...) in memory, by id and by unique key.
 * Lists come newest first, like the API's, and page with {@code starting_after}/{@code
 * ending_before} by position in that order; a deleted object keeps its position so that a cursor
 * naming it still works.
 */
final class ObjectStore {
  /** Fields of a create body that are instructions, not data. */
  private static final Set<String> CREATE_ONLY = Set.of("ensure_new", "org_name");

  /** Fields a patch may not change. */
  private static final Set<String> IMMUTABLE =
      Set.of("id", "created", "org_id", "project_id", "user_id", "deleted_at", "_xact_id");

  private static final class Entry {
    final long seq;
    JsonObject value;
    boolean deleted;

    Entry(long seq, JsonObject value) {
      this.seq = seq;
      this.value = value;
    }
  }

  private final Directory directory;
  private final XactClock clock;
  private final Map<ObjectKind, Map<String, Entry>> byId = new HashMap<>();
  private final Map<ObjectKind, Map<String, Entry>> byKey = new HashMap<>();
  private long seq;

  ObjectStore(Directory directory, XactClock clock) {
    this.directory = directory;
    this.clock = clock;
    for (ObjectKind kind : ObjectKinds.ALL_KINDS) {
      byId.put(kind, new LinkedHashMap<>());
      byKey.put(kind, new HashMap<>());
    }
    directory.seed(this);
  }

  Directory directory() {
    return directory;
  }

  long nextXact() {
    return clock.next();
  }

  /** Stores a ready-made object, as seeded data. */
  synchronized void seed(ObjectKind kind, JsonObject value) {
    insert(kind, value);
  }

  /**
   * Creates an object from a create body, or returns the existing one with the same unique key, as
   * the spec says of each type's create.
   */
  synchronized JsonObject create(ObjectKind kind, JsonObject body, JsonObject actingUser) {
    JsonObject created = prepare(kind, body, actingUser);
    String key = kind.uniqueKey() == null ? null : kind.uniqueKey().apply(created);
    if (key != null && byKey.get(kind).containsKey(key)) {
      if (!(kind.ensureNew() && JsonValues.flag(body, "ensure_new", "ensure_new"))) {
        return byKey.get(kind).get(key).value;
      }
      created.addProperty("name", freeName(kind, created, created.get("name").getAsString()));
    }
    return insert(kind, created);
  }

  /** Creates an object, or replaces the fields of the existing one with the same unique key. */
  synchronized JsonObject replace(ObjectKind kind, JsonObject body, JsonObject actingUser) {
    JsonObject replacement = prepare(kind, body, actingUser);
    Entry existing = byKey.get(kind).get(kind.uniqueKey().apply(replacement));
    if (existing == null) {
      return insert(kind, replacement);
    }
    for (String kept : List.of("id", "created", "user_id")) {
      if (existing.value.has(kept)) {
        replacement.add(kept, existing.value.get(kept));
      }
    }
    existing.value = replacement;
    return replacement;
  }

  /** The live object {@code id}, or a 404. */
  synchronized JsonObject get(ObjectKind kind, UUID id) {
    JsonObject found = find(kind, id.toString());
    if (found == null) {
      throw ApiError.notFound(kind.type() + " " + id + " not found");
    }
    return found;
  }

  /** The live object {@code id}, or null. */
  synchronized JsonObject find(ObjectKind kind, String id) {
    Entry e = byId.get(kind).get(id);
    return e == null || e.deleted ? null : e.value;
  }

  /** The live objects of {@code kind}, oldest first. */
  synchronized List<JsonObject> all(ObjectKind kind) {
    List<JsonObject> live = new ArrayList<>();
    for (Entry e : byId.get(kind).values()) {
      if (!e.deleted) {
        live.add(e.value);
      }
    }
    return live;
  }

  /** Deep-merges {@code patch} into the object, as the API's partial update does. */
  synchronized JsonObject patch(ObjectKind kind, UUID id, JsonObject patch) {
    JsonObject current = get(kind, id);
    for (String field : patch.keySet()) {
      if (IMMUTABLE.contains(field)) {
        throw ApiError.badRequest(field + " cannot be changed");
      }
    }
    JsonObject updated = current.deepCopy();
    JsonValues.deepMerge(updated, patch, List.of(), List.of());
    String oldKey = kind.uniqueKey() == null ? null : kind.uniqueKey().apply(current);
    String newKey = kind.uniqueKey() == null ? null : kind.uniqueKey().apply(updated);
    if (newKey != null && !newKey.equals(oldKey) && byKey.get(kind).containsKey(newKey)) {
      throw ApiError.badRequest("another " + kind.type() + " already has that name");
    }
    Entry e = byId.get(kind).get(id.toString());
    e.value = updated;
    if (oldKey != null) {
      byKey.get(kind).remove(oldKey);
      byKey.get(kind).put(newKey, e);
    }
    return updated;
  }

  /** Marks the object deleted and returns it, with {@code deleted_at} set. */
  synchronized JsonObject delete(ObjectKind kind, UUID id) {
    JsonObject current = get(kind, id);
    Entry e = byId.get(kind).get(id.toString());
    JsonObject deleted = current.deepCopy();
    deleted.addProperty("deleted_at", JsonValues.now());
    e.value = deleted;
    e.deleted = true;
    if (kind.uniqueKey() != null) {
      byKey.get(kind).remove(kind.uniqueKey().apply(current));
    }
    return deleted;
  }

  /**
   * A page of the live objects that pass {@code filter}, newest first: after {@code startingAfter}
   * or before {@code endingBefore} (ids, possibly null) and at most {@code limit} (null: all).
   */
  synchronized List<JsonObject> list(
      ObjectKind kind,
      Predicate<JsonObject> filter,
      Integer limit,
      String startingAfter,
      String endingBefore) {
    if (startingAfter != null && endingBefore != null) {
      throw ApiError.badRequest("give at most one of starting_after and ending_before");
    }
    Long after = startingAfter == null ? null : position(kind, startingAfter, "starting_after");
    Long before = endingBefore == null ? null : position(kind, endingBefore, "ending_before");
    List<Entry> newestFirst = new ArrayList<>(byId.get(kind).values());
    newestFirst.sort((a, b) -> Long.compare(b.seq, a.seq));
    List<JsonObject> matches = new ArrayList<>();
    for (Entry e : newestFirst) {
      if (!e.deleted
          && (after == null || e.seq < after)
          && (before == null || e.seq > before)
          && filter.test(e.value)) {
        matches.add(e.value);
      }
    }
    if (limit == null || matches.size() <= limit) {
      return matches;
    }
    // ending_before pages backwards: keep the objects closest to the cursor.
    return before != null
        ? matches.subList(matches.size() - limit, matches.size())
        : matches.subList(0, limit);
  }

  private long position(ObjectKind kind, String id, String what) {
    Entry e = byId.get(kind).get(id);
    if (e == null) {
      throw ApiError.badRequest(what + ": no " + kind.type() + " with id " + id);
    }
    return e.seq;
  }

  private JsonObject prepare(ObjectKind kind, JsonObject body, JsonObject actingUser) {
    for (String field : kind.required()) {
      JsonElement v = body.get(field);
      if (JsonValues.isNull(v) || (v.isJsonPrimitive() && v.getAsString().isBlank())) {
        throw ApiError.badRequest(field + " is required to create a " + kind.type());
      }
    }
    JsonObject o = new JsonObject();
    o.addProperty("id", JsonValues.newId());
    body.entrySet().stream()
        .filter(e -> !CREATE_ONLY.contains(e.getKey()))
        .forEach(e -> o.add(e.getKey(), e.getValue().deepCopy()));
    o.addProperty("created", JsonValues.now());
    switch (kind.scope()) {
      case ORG -> {
        String orgName = JsonValues.optString(body, "org_name", "org_name");
        if (orgName != null && !orgName.equals(directory.orgName())) {
          throw ApiError.forbidden("You are not a member of an organization named " + orgName);
        }
        o.addProperty("org_id", directory.orgId());
      }
      case PROJECT -> {
        String projectId = JsonValues.optString(body, "project_id", "project_id");
        JsonValues.uuid(projectId, "project_id");
        if (find(ObjectKinds.PROJECT, projectId) == null) {
          throw ApiError.badRequest("project_id: no project with id " + projectId);
        }
      }
      case NONE -> {}
    }
    if (kind.ensureNew() && JsonValues.optString(body, "name", "name") == null) {
      o.addProperty("name", freeName(kind, o, kind.type()));
    }
    kind.complete().complete(o, actingUser, this);
    return o;
  }

  /** {@code base}, or {@code base-2}, {@code base-3}... whichever is not taken yet. */
  private String freeName(ObjectKind kind, JsonObject o, String base) {
    JsonObject probe = o.deepCopy();
    for (int n = 1; ; n++) {
      String name = n == 1 ? base : base + "-" + n;
      probe.addProperty("name", name);
      if (!byKey.get(kind).containsKey(kind.uniqueKey().apply(probe))) {
        return name;
      }
    }
  }

  private JsonObject insert(ObjectKind kind, JsonObject value) {
    Entry e = new Entry(++seq, value);
    byId.get(kind).put(value.get("id").getAsString(), e);
    if (kind.uniqueKey() != null) {
      byKey.get(kind).put(kind.uniqueKey().apply(value), e);
    }
    return value;
  }
}
