package io.github.bt4j.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Measures the heap of a run in two ways: the peak (the heap in use just before each collection,
 * garbage included, which is when it is fullest) and, in a separate run, the live heap (what is
 * left after a full collection forced every so many rows: the page being read, the ids
 * remembered...).
 */
final class HeapMeter {
  private final AtomicLong peak = new AtomicLong();
  private long maxLive;

  HeapMeter() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc)
          .addNotificationListener(
              (notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                    notification.getType())) {
                  GarbageCollectionNotificationInfo info =
                      GarbageCollectionNotificationInfo.from(
                          (CompositeData) notification.getUserData());
                  long used = used(info.getGcInfo().getMemoryUsageBeforeGc());
                  peak.accumulateAndGet(used, Math::max);
                }
              },
              null,
              null);
    }
  }

  private static long used(Map<String, MemoryUsage> usageByPool) {
    long used = 0;
    for (Map.Entry<String, MemoryUsage> pool : usageByPool.entrySet()) {
      String name = pool.getKey();
      if (!name.contains("Metaspace") && !name.contains("Code") && !name.contains("Class")) {
        used += pool.getValue().getUsed();
      }
    }
    return used;
  }

  /** Starts measuring the peak: collects garbage and forgets the earlier peak. */
  void startPeak() {
    System.gc();
    peak.set(0);
  }

  /** The largest heap in use before a collection since {@link #startPeak()}, in bytes. */
  long peak() {
    return Math.max(peak.get(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
  }

  /** Starts measuring the live heap. */
  void startLive() {
    maxLive = 0;
  }

  /** Forces a full collection and records what is still in use. */
  void sampleLive() {
    System.gc();
    maxLive = Math.max(maxLive, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
  }

  /** The largest live heap sampled since {@link #startLive()}, in bytes. */
  long live() {
    return maxLive;
  }
}
