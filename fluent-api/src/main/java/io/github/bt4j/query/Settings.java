package io.github.bt4j.query;

import java.util.function.Consumer;

/**
 * The settings of a read that every setter copies instead of changing: {@link BtqlQuery} and {@link
 * EventFetch}. A setter changes a fresh clone before handing it out, so a copy is never seen
 * half-changed.
 *
 * @param <S> the class itself
 */
abstract class Settings<S extends Settings<S>> implements Cloneable {
  /** A copy of this with {@code change} applied. */
  @SuppressWarnings("unchecked")
  final S with(Consumer<S> change) {
    try {
      S copy = (S) clone();
      change.accept(copy);
      return copy;
    } catch (CloneNotSupportedException e) {
      throw new AssertionError(e);
    }
  }
}
