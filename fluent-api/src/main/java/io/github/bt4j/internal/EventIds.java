package io.github.bt4j.internal;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives every event of an insert request an {@code id} before the first attempt, so that a retry of
 * the same request upserts the same rows instead of adding them twice. Works on any generated
 * insert request (a model with {@code getEvents()} whose items have {@code getId()}/{@code
 * setId(String)}).
 */
public final class EventIds {
  private static final Map<Class<?>, Method> GET_EVENTS = new ConcurrentHashMap<>();
  private static final Map<Class<?>, Method[]> ID_ACCESSORS = new ConcurrentHashMap<>();

  private EventIds() {}

  /** Sets a random UUID as the id of each event of {@code request} that has none. */
  public static void assignMissing(Object request) {
    if (request == null) {
      return;
    }
    Method getEvents = GET_EVENTS.computeIfAbsent(request.getClass(), c -> find(c, "getEvents"));
    if (getEvents == null) {
      return;
    }
    List<?> events = (List<?>) invoke(getEvents, request);
    if (events == null) {
      return;
    }
    for (Object event : events) {
      if (event == null) {
        continue;
      }
      Method[] accessors = ID_ACCESSORS.computeIfAbsent(event.getClass(), EventIds::idAccessors);
      if (accessors[0] != null && accessors[1] != null && invoke(accessors[0], event) == null) {
        invoke(accessors[1], event, UUID.randomUUID().toString());
      }
    }
  }

  private static Method[] idAccessors(Class<?> type) {
    Method getter = find(type, "getId");
    Method setter = null;
    try {
      setter = type.getMethod("setId", String.class);
    } catch (NoSuchMethodException ignored) {
      // events without a String id are left alone
    }
    return new Method[] {getter, setter};
  }

  private static Method find(Class<?> type, String name) {
    try {
      return type.getMethod(name);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  private static Object invoke(Method method, Object target, Object... args) {
    try {
      return method.invoke(target, args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot call " + method, e);
    }
  }
}
