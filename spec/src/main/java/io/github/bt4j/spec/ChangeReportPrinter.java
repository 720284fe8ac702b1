package io.github.bt4j.spec;

import io.github.bt4j.spec.ChangeReport.Change;
import io.github.bt4j.spec.ChangeReport.ChangedItem;
import java.util.List;

/**
 * Prints a {@link ChangeReport} as plain text: one section per kind of change, each entry marked
 * {@code +} (added), {@code -} (removed) or {@code ~} (changed), breaking entries marked {@code
 * [BREAKING]}, and a summary block of counts at the end.
 */
public final class ChangeReportPrinter {
  private static final String BREAKING = "  [BREAKING]";

  private ChangeReportPrinter() {}

  /** The report as text, headed by the names of the two specs compared. */
  public static String print(ChangeReport report, String oldName, String newName) {
    StringBuilder out = new StringBuilder();
    out.append("API change report\n");
    out.append("  old: ").append(oldName).append('\n');
    out.append("  new: ").append(newName).append('\n');
    if (report.isEmpty()) {
      out.append("\nNo API changes.\n");
    }
    entries(out, "Operations added", "+", report.operationsAdded());
    entries(out, "Operations removed", "-", report.operationsRemoved());
    items(out, "Operations changed", report.operationsChanged());
    entries(out, "Models added", "+", report.modelsAdded());
    entries(out, "Models removed", "-", report.modelsRemoved());
    items(out, "Models changed", report.modelsChanged());
    out.append('\n').append(summary(report));
    return out.toString();
  }

  /** The summary block alone: one count per line. */
  public static String summary(ChangeReport report) {
    StringBuilder out = new StringBuilder("Summary\n");
    count(out, "operations added", report.operationsAdded().size());
    count(out, "operations removed", report.operationsRemoved().size());
    count(out, "operations changed", report.operationsChanged().size());
    count(out, "models added", report.modelsAdded().size());
    count(out, "models removed", report.modelsRemoved().size());
    count(out, "models changed", report.modelsChanged().size());
    count(out, "breaking changes", report.breakingChanges());
    return out.toString();
  }

  private static void entries(StringBuilder out, String title, String mark, List<Change> changes) {
    if (changes.isEmpty()) {
      return;
    }
    out.append('\n').append(title).append(" (").append(changes.size()).append(")\n");
    for (Change change : changes) {
      out.append("  ").append(mark).append(' ').append(change.subject());
      if (!change.detail().isEmpty()) {
        out.append(" (").append(change.detail()).append(')');
      }
      out.append(change.breaking() ? BREAKING : "").append('\n');
    }
  }

  private static void items(StringBuilder out, String title, List<ChangedItem> items) {
    if (items.isEmpty()) {
      return;
    }
    out.append('\n').append(title).append(" (").append(items.size()).append(")\n");
    for (ChangedItem item : items) {
      out.append("  ~ ").append(item.name()).append(item.breaking() ? BREAKING : "").append('\n');
      for (Change change : item.changes()) {
        out.append("      ").append(change.subject()).append(": ").append(change.detail());
        out.append(change.breaking() ? BREAKING : "").append('\n');
      }
    }
  }

  private static void count(StringBuilder out, String what, long n) {
    out.append(String.format("  %-20s %d\n", what + ":", n));
  }
}
