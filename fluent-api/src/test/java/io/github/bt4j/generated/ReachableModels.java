package io.github.bt4j.generated;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generated model classes a user of the generated Retrofit interfaces ({@link GeneratedApis})
 * can meet: the parameter and return types of its public methods and, recursively, the types of
 * their fields, their generic arguments and their generic superclasses ({@code HashMap<String,
 * X>}).
 */
final class ReachableModels {
  private ReachableModels() {}

  /** Each reachable model class, with the chain of methods and fields that reaches it. */
  static Map<Class<?>, String> fromApi() {
    Map<Class<?>, String> found = new LinkedHashMap<>();
    Deque<Object[]> todo = new ArrayDeque<>();
    for (Method m : GeneratedApis.methods()) {
      String via = m.getDeclaringClass().getSimpleName() + "." + m.getName();
      todo.add(new Object[] {m.getGenericReturnType(), via + " returns"});
      for (Type p : m.getGenericParameterTypes()) {
        todo.add(new Object[] {p, via + " takes"});
      }
    }
    while (!todo.isEmpty()) {
      Object[] next = todo.poll();
      visit((Type) next[0], (String) next[1], found, todo);
    }
    return found;
  }

  private static void visit(
      Type type, String via, Map<Class<?>, String> found, Deque<Object[]> todo) {
    if (type instanceof ParameterizedType p) {
      todo.add(new Object[] {p.getRawType(), via});
      for (Type arg : p.getActualTypeArguments()) {
        todo.add(new Object[] {arg, via});
      }
    } else if (type instanceof WildcardType w) {
      for (Type bound : w.getUpperBounds()) {
        todo.add(new Object[] {bound, via});
      }
    } else if (type instanceof GenericArrayType a) {
      todo.add(new Object[] {a.getGenericComponentType(), via});
    } else if (type instanceof Class<?> c) {
      if (c.isArray()) {
        todo.add(new Object[] {c.getComponentType(), via});
      } else if (GeneratedModels.isModel(c) && !found.containsKey(c)) {
        String here = via + " " + c.getSimpleName();
        found.put(c, here);
        todo.add(new Object[] {c.getGenericSuperclass(), here + " extends"});
        for (Class<?> k = c; k != null && GeneratedModels.isModel(k); k = k.getSuperclass()) {
          for (Field f : k.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
              todo.add(new Object[] {f.getGenericType(), here + "." + f.getName() + " ->"});
            }
          }
        }
      }
    }
  }
}
