package io.github.bt4j.benchmarks;

/** Who does the work in a run: the hand-written floor or the library. */
enum Side {
  FLOOR,
  BT4J;

  /** The name used on command lines and in the table. */
  String label() {
    return this == FLOOR ? "floor" : "bt4j";
  }
}
