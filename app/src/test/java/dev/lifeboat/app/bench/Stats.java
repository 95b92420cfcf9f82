package dev.lifeboat.app.bench;

import java.util.List;

/** Medians of timing samples. */
final class Stats {
  private Stats() {}

  static double median(List<Double> samples) {
    List<Double> sorted = samples.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
