package vn.tandem.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What the harness measured: tables of raw figures, and the targets (a ratio against a limit) it checks at the end.
 * The report is printed, and written to {@code target/benchmarks/bench-<db>-<size>.md}.
 */
final class Figures {

    /** A target of issue 19: {@code measured / baseline <= limit}. */
    record Target(String name, double measured, double baseline, double limit) {

        double ratio() {
            return baseline <= 0 ? Double.POSITIVE_INFINITY : measured / baseline;
        }

        boolean met() {
            return ratio() <= limit;
        }
    }

    private final StringBuilder report = new StringBuilder();
    private final List<Target> targets = new ArrayList<>();

    void heading(String text) {
        report.append("\n## ").append(text).append("\n\n");
        System.out.println("== " + text);
    }

    void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }

    void table(String... header) {
        line("| " + String.join(" | ", header) + " |");
        line("|" + "---|".repeat(header.length));
    }

    void row(Object... cells) {
        StringBuilder b = new StringBuilder("|");
        for (Object cell : cells) {
            b.append(' ')
                    .append(cell instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : cell)
                    .append(" |");
        }
        line(b.toString());
    }

    void target(String name, double measured, double baseline, double limit) {
        targets.add(new Target(name, measured, baseline, limit));
    }

    List<Target> missed() {
        return targets.stream().filter(t -> !t.met()).toList();
    }

    /** The targets' table, appended to the report, which is then written out. */
    void finish(String title, Path file) throws Exception {
        heading("Targets");
        table("target", "measured", "baseline", "ratio", "limit", "met");
        for (Target t : targets) {
            row(t.name(), t.measured(), t.baseline(), t.ratio(), t.limit(), t.met() ? "yes" : "**NO**");
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# " + title + "\n" + report);
    }

    /** Percentile of measured milliseconds (nearest rank). */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    static double median(List<Double> values) {
        return percentile(values.stream().mapToDouble(Double::doubleValue).toArray(), 50);
    }

    /** CPU time of this JVM (every thread: server, client, job executor, GC, JIT), in milliseconds. */
    static double jvmCpuMs() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return os.getProcessCpuTime() / 1e6;
    }

    /**
     * CPU time of the PostgreSQL server's processes (all backends, the checkpointer, the WAL writer), in
     * milliseconds, read from {@code /proc}; 0 where there is no such process (H2 runs inside the JVM).
     */
    static double postgresCpuMs() {
        return cpuMs(Path.of("/proc"), name -> name.startsWith("postgres"));
    }

    /**
     * CPU time of this JVM's JIT compiler threads ("C1 CompilerThre…", "C2 CompilerThre…"), in milliseconds, read
     * from {@code /proc/self/task} (the JVM's compilation MXBean counts the compilations' elapsed time, which on a
     * busy 2-core machine includes the time the compiler threads wait for a core): a cell that still spends CPU
     * compiling is not yet measuring steady state.
     */
    static double compileCpuMs() {
        return cpuMs(
                Path.of("/proc/self/task"), name -> name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler"));
    }

    /** CPU time (user + system) of the processes or threads under {@code dir} whose name passes, in milliseconds. */
    private static double cpuMs(Path dir, java.util.function.Predicate<String> named) {
        double ticks = 0;
        try (var dirs = Files.list(dir)) {
            for (Path entry : dirs.toList()) {
                String id = entry.getFileName().toString();
                if (!id.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(entry.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    if (!named.test(stat.substring(open + 1, close))) {
                        continue;
                    }
                    String[] fields = stat.substring(close + 2).split(" ");
                    // fields[11] = utime, fields[12] = stime (fields 14 and 15 of proc(5), counted after the name)
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (Exception gone) {
                    // the process or thread ended while we read
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return ticks * 10; // USER_HZ = 100 on Linux
    }

    /** Time the JVM's collectors spent, in milliseconds. */
    static long gcMs() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(gc -> Math.max(0, gc.getCollectionTime()))
                .sum();
    }
}
