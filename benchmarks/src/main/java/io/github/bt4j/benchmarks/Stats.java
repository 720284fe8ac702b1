package io.github.bt4j.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The median and the spread of a few measurements. */
record Stats(double median, double min, double max, int count) {

  /** The statistics of {@code values}, which must not be empty. */
  static Stats of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("values must not be empty");
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    double median =
        n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new Stats(median, sorted.get(0), sorted.get(n - 1), n);
  }

  /** The median of {@code values}, which must not be empty. */
  static double median(List<Double> values) {
    return of(values).median();
  }

  /** The spread as a share of the median: (max - min) / median. */
  double spread() {
    return median == 0 ? 0 : (max - min) / median;
  }
}
