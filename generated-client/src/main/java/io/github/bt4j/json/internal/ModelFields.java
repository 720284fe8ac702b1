package io.github.bt4j.json.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a generated model holds beyond its typed fields, so that nothing the server sent is lost:
 * the fields the spec does not declare (kept as JSON, written back as they came), the declared
 * fields whose JSON did not fit the declared type (kept as JSON, written back unchanged until the
 * field is set), and the declared fields that are explicitly {@code null} (written as {@code null};
 * an unset field is not written at all).
 *
 * <p>One instance per model object, created empty with it; the maps appear only when needed.
 * Generated code calls it; it is not for users.
 */
public final class ModelFields {
  private Map<String, JsonElement> undeclared;
  private Map<String, Raw> raw;

  /** The JSON names of the declared fields that are explicitly null; a few, so a plain array. */
  private String[] nulls;

  private int nullCount;

  /** A declared field's JSON as received, with the typed value decoded from it (possibly null). */
  record Raw(JsonElement json, Object decoded) {}

  /** Creates the empty state of a new model object. */
  public ModelFields() {}

  /**
   * Records that the generated setter of the field {@code jsonName} was called: whatever was
   * received for it no longer applies, and a {@code null} value is sent as an explicit {@code
   * null}.
   *
   * @param jsonName the field's JSON name
   * @param value the value set
   */
  public void assigned(String jsonName, Object value) {
    if (raw != null) {
      raw.remove(jsonName);
    }
    if (value == null) {
      markNull(jsonName);
    } else {
      unmarkNull(jsonName);
    }
  }

  /**
   * The JSON received for the declared field {@code jsonName} if it did not fit the field's type
   * (so the typed value is null), else null. Generated getters throw when there is one.
   *
   * @param jsonName the field's JSON name
   * @return the JSON that did not fit, or null
   */
  public JsonElement mismatch(String jsonName) {
    Raw r = raw == null ? null : raw.get(jsonName);
    return r != null && r.decoded() == null ? r.json() : null;
  }

  /** The undeclared fields, unmodifiable, in the order received or set. */
  public Map<String, JsonElement> undeclared() {
    return undeclared == null ? Map.of() : Collections.unmodifiableMap(undeclared);
  }

  JsonElement undeclared(String name) {
    return undeclared == null ? null : undeclared.get(name);
  }

  void putUndeclared(String name, JsonElement value) {
    if (undeclared == null) {
      undeclared = new LinkedHashMap<>();
    }
    undeclared.put(name, value == null ? JsonNull.INSTANCE : value);
  }

  boolean removeUndeclared(String name) {
    return undeclared != null && undeclared.remove(name) != null;
  }

  boolean hasUndeclared() {
    return undeclared != null && !undeclared.isEmpty();
  }

  Raw raw(String jsonName) {
    return raw == null ? null : raw.get(jsonName);
  }

  void putRaw(String jsonName, JsonElement json, Object decoded) {
    if (raw == null) {
      raw = new LinkedHashMap<>(4);
    }
    raw.put(jsonName, new Raw(json, decoded));
    unmarkNull(jsonName);
  }

  boolean isNull(String jsonName) {
    return indexOfNull(jsonName) >= 0;
  }

  void markNull(String jsonName) {
    if (indexOfNull(jsonName) >= 0) {
      return;
    }
    if (nulls == null) {
      nulls = new String[4];
    } else if (nullCount == nulls.length) {
      nulls = java.util.Arrays.copyOf(nulls, nullCount * 2);
    }
    nulls[nullCount++] = jsonName;
  }

  private void unmarkNull(String jsonName) {
    int i = indexOfNull(jsonName);
    if (i >= 0) {
      nulls[i] = nulls[--nullCount];
      nulls[nullCount] = null;
    }
  }

  private int indexOfNull(String jsonName) {
    for (int i = 0; i < nullCount; i++) {
      // The adapter passes the declared names themselves, so identity settles most comparisons.
      if (nulls[i] == jsonName || nulls[i].equals(jsonName)) {
        return i;
      }
    }
    return -1;
  }

  void forget(String jsonName) {
    if (raw == null && nullCount == 0) {
      return; // a model being read: nothing to forget yet
    }
    if (raw != null) {
      raw.remove(jsonName);
    }
    unmarkNull(jsonName);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ModelFields)) {
      return false;
    }
    ModelFields other = (ModelFields) o;
    return undeclared().equals(other.undeclared())
        && rawJson().equals(other.rawJson())
        && nullNames().equals(other.nullNames());
  }

  @Override
  public int hashCode() {
    return Objects.hash(undeclared(), rawJson(), nullNames());
  }

  private Map<String, JsonElement> rawJson() {
    if (raw == null || raw.isEmpty()) {
      return Map.of();
    }
    Map<String, JsonElement> json = new LinkedHashMap<>();
    raw.forEach((k, v) -> json.put(k, v.json()));
    return json;
  }

  private Set<String> nullNames() {
    Set<String> names = new java.util.HashSet<>();
    for (int i = 0; i < nullCount; i++) {
      names.add(nulls[i]);
    }
    return names;
  }

  /**
   * The names of the undeclared fields, for a model's {@code toString()}: their values may hold
   * anything, secrets included, so they are not printed.
   */
  @Override
  public String toString() {
    return undeclared == null ? "[]" : undeclared.keySet().toString();
  }
}
