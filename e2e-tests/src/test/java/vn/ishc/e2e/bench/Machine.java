package vn.ishc.e2e.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the machine was doing during the run, so that figures from a busy machine are read as such:
 * load averages at the start and the end, the 1-minute load every 5 s, and which processes used the
 * CPU meanwhile (the run's own included: PostgreSQL, Kafka, the services, the benchmark).
 */
final class Machine {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private final String loadAtStart;
    private final Map<Long, Long> cpuTicksAtStart;
    private final List<Double> loadSamples = Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-load-sampler");
        t.setDaemon(true);
        return t;
    });
    private String loadAtEnd;
    private List<String> busiest = List.of();
    /** Every process as {@link #beforeStopping()} last saw it: those that ended since still count. */
    private final Map<Long, Seen> beforeStopping = new HashMap<>();

    /** A process seen before the run stopped one of its own: its command, start time (to tell a reused pid) and CPU ticks then. */
    private record Seen(String command, long startTime, long ticks) {
    }

    private Machine() {
        loadAtStart = loadAverage();
        cpuTicksAtStart = cpuTicks();
    }

    static Machine start() {
        Machine machine = new Machine();
        machine.sampler.scheduleAtFixedRate(() -> machine.loadSamples.add(Double.parseDouble(loadAverage().split(" ")[0])), 0, 5, TimeUnit.SECONDS);
        return machine;
    }

    /**
     * Called before the run stops a process of its own (reporting, for the outage): what every process has
     * used so far is kept, so that the stopped process and its database connections still appear at the end
     * (without the CPU they used while shutting down).
     */
    void beforeStopping() {
        cpuTicks().keySet().forEach(pid -> {
            try {
                String[] stat = statFields(pid);
                beforeStopping.put(pid, new Seen(describe(pid), startTime(stat), cpuTicks(stat)));
            } catch (IOException | RuntimeException gone) {
                // the process ended meanwhile
            }
        });
    }

    void stop() {
        sampler.shutdownNow();
        loadAtEnd = loadAverage();
        Map<Long, Long> now = cpuTicks();
        // the command of an ended process, as seen before it ended; null for one still running (described below, for the busiest only)
        record Used(long pid, String endedCommand, long ticks) {
        }
        List<Used> used = new ArrayList<>();
        now.forEach((pid, ticks) -> used.add(new Used(pid, null, ticks - cpuTicksAtStart.getOrDefault(pid, 0L))));
        beforeStopping.forEach((pid, seen) -> {
            if (!now.containsKey(pid) || !sameProcess(pid, seen)) {
                used.add(new Used(pid, seen.command(), seen.ticks() - cpuTicksAtStart.getOrDefault(pid, 0L)));
            }
        });
        used.sort(java.util.Comparator.comparingLong(Used::ticks).reversed());
        List<String> top = new ArrayList<>();
        for (Used process : used.subList(0, Math.min(8, used.size()))) {
            if (process.ticks() > 0) {
                String command = process.endedCommand() == null ? describe(process.pid()) + " (pid " + process.pid() + ")"
                        : process.endedCommand() + " (pid " + process.pid() + ", ended)";
                top.add(String.format(Locale.ROOT, "%s %.0f s", command, process.ticks() / (double) TICKS_PER_SECOND));
            }
        }
        busiest = top;
    }

    private static boolean sameProcess(long pid, Seen seen) {
        try {
            return startTime(statFields(pid)) == seen.startTime();
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    void toJson(ObjectNode run) {
        run.put("cpus", Runtime.getRuntime().availableProcessors()).put("memTotalKb", memTotalKb()).put("loadAverageAtStart", loadAtStart)
                .put("loadAverageAtEnd", loadAtEnd);
        List<Double> sorted = sortedSamples();
        if (!sorted.isEmpty()) {
            run.putObject("load1m").put("samples", sorted.size()).put("min", sorted.get(0)).put("median", sorted.get(sorted.size() / 2))
                    .put("max", sorted.get(sorted.size() - 1));
        }
        busiest.forEach(run.withArray("busiestProcesses")::add);
    }

    String summary() {
        List<Double> sorted = sortedSamples();
        String samples = sorted.isEmpty() ? "" : String.format(Locale.ROOT, ", 1-min load during the run %.1f–%.1f (median %.1f)",
                sorted.get(0), sorted.get(sorted.size() - 1), sorted.get(sorted.size() / 2));
        return String.format(Locale.ROOT, "%d CPUs, %,d MB; load average at start %s, at end %s%s\nCPU time used during the run: %s",
                Runtime.getRuntime().availableProcessors(), memTotalKb() / 1024, loadAtStart, loadAtEnd, samples, String.join("; ", busiest));
    }

    private List<Double> sortedSamples() {
        List<Double> sorted = new ArrayList<>(loadSamples);
        Collections.sort(sorted);
        return sorted;
    }

    /** The first three fields of /proc/loadavg: 1, 5 and 15 minutes. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static long memTotalKb() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    /** User and system CPU ticks of every process now (children that ended are not counted). */
    private static Map<Long, Long> cpuTicks() {
        Map<Long, Long> ticks = new HashMap<>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.filter(p -> p.getFileName().toString().matches("[0-9]+")).forEach(p -> {
                try {
                    long pid = Long.parseLong(p.getFileName().toString());
                    ticks.put(pid, cpuTicks(pid));
                } catch (IOException | RuntimeException gone) {
                    // the process ended meanwhile
                }
            });
        } catch (IOException e) {
            return ticks;
        }
        return ticks;
    }

    /** User and system CPU ticks (1/100 s, as Linux counts them) a process has used so far. */
    static long cpuTicks(long pid) throws IOException {
        return cpuTicks(statFields(pid));
    }

    private static long cpuTicks(String[] stat) {
        return Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
    }

    /** When the process started, in clock ticks after boot: with the pid, it names one process (pids are reused). */
    private static long startTime(String[] stat) {
        return Long.parseLong(stat[19]);
    }

    /** The fields of /proc/PID/stat after the command's name, from the state on (field 3 of proc(5) is [0]). */
    private static String[] statFields(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /** A process by its command: the main class or jar of a JVM, else the program's name. */
    private static String describe(long pid) {
        try {
            String[] args = Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline")).split("\0");
            if (args.length == 0 || args[0].isEmpty()) {
                return Files.readString(Path.of("/proc", String.valueOf(pid), "comm")).trim(); // a kernel thread, or gone
            }
            String program = Path.of(args[0]).getFileName().toString();
            if (program.equals("java")) {
                for (int i = 1; i < args.length; i++) {
                    if (args[i].equals("-jar") && i + 1 < args.length) {
                        Path jar = Path.of(args[i + 1]);
                        // a service: …/registry-service/target/quarkus-app/quarkus-run.jar
                        return "java " + (jar.getNameCount() >= 4 && jar.endsWith("quarkus-app/quarkus-run.jar")
                                ? jar.getName(jar.getNameCount() - 4) : jar.getFileName());
                    }
                    if (!args[i].startsWith("-") && i > 0 && !args[i - 1].equals("-cp") && !args[i - 1].equals("-classpath")) {
                        return "java " + args[i];
                    }
                }
            }
            return program;
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
