package io.github.bt4j.spec;

import java.util.List;

/**
 * What changed in the API between two versions of the spec, as {@link SpecDiff} computes it and
 * {@link ChangeReportPrinter} prints it. Every list is sorted, so that two runs over the same specs
 * give the same report.
 *
 * @param operationsAdded operations only the new spec has, each named {@code METHOD path}
 * @param operationsRemoved operations only the old spec has
 * @param operationsChanged operations both specs have, with what changed in each
 * @param modelsAdded component schemas only the new spec has
 * @param modelsRemoved component schemas only the old spec has
 * @param modelsChanged component schemas both specs have, with what changed in each
 */
public record ChangeReport(
    List<Change> operationsAdded,
    List<Change> operationsRemoved,
    List<ChangedItem> operationsChanged,
    List<Change> modelsAdded,
    List<Change> modelsRemoved,
    List<ChangedItem> modelsChanged) {

  /** Copies the lists, so that a report cannot change after it is made. */
  public ChangeReport {
    operationsAdded = List.copyOf(operationsAdded);
    operationsRemoved = List.copyOf(operationsRemoved);
    operationsChanged = List.copyOf(operationsChanged);
    modelsAdded = List.copyOf(modelsAdded);
    modelsRemoved = List.copyOf(modelsRemoved);
    modelsChanged = List.copyOf(modelsChanged);
  }

  /**
   * One change.
   *
   * @param subject what changed: an operation or model name for additions and removals, else a part
   *     of one, such as {@code query parameter limit} or {@code property metadata.tags}
   * @param detail how it changed, such as {@code added, optional} or {@code type string -> integer}
   * @param breaking whether a client written against the old spec can fail against the new one
   */
  public record Change(String subject, String detail, boolean breaking) {}

  /**
   * An operation or model that both specs have, and how it changed.
   *
   * @param name the operation's {@code METHOD path}, or the model's name
   * @param changes what changed in it, sorted by subject
   */
  public record ChangedItem(String name, List<Change> changes) {
    /** Copies the list, so that a report cannot change after it is made. */
    public ChangedItem {
      changes = List.copyOf(changes);
    }

    /** Whether any of the changes is breaking. */
    public boolean breaking() {
      return changes.stream().anyMatch(Change::breaking);
    }
  }

  /** The number of breaking changes: removals, and breaking changes inside changed items. */
  public long breakingChanges() {
    long count = operationsRemoved.stream().filter(Change::breaking).count();
    count += modelsRemoved.stream().filter(Change::breaking).count();
    for (List<ChangedItem> items : List.of(operationsChanged, modelsChanged)) {
      for (ChangedItem item : items) {
        count += item.changes().stream().filter(Change::breaking).count();
      }
    }
    count += operationsAdded.stream().filter(Change::breaking).count();
    count += modelsAdded.stream().filter(Change::breaking).count();
    return count;
  }

  /** Whether the two specs declare the same API, as far as the report looks. */
  public boolean isEmpty() {
    return operationsAdded.isEmpty()
        && operationsRemoved.isEmpty()
        && operationsChanged.isEmpty()
        && modelsAdded.isEmpty()
        && modelsRemoved.isEmpty()
        && modelsChanged.isEmpty();
  }
}
