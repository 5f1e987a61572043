package org.scoutline.bench;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory of this JVM (the app's, in a benchmark that starts it), as
 * {@link IdleConnectionsBenchmark} measures it: the heap after a full GC, the heap by
 * class, and the resident memory outside the Java heap (native memory such as zlib's).
 */
final class AppMemory {

	private static final long[] NONE = { 0, 0 };

	private static final Pattern HISTOGRAM_ROW = Pattern.compile("\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*");

	private static final Pattern HEAP_RANGE = Pattern.compile("\\[0x([0-9a-f]+), 0x([0-9a-f]+)\\)");

	private static final Pattern MAPPING = Pattern.compile("^([0-9a-f]+)-([0-9a-f]+) ");

	private AppMemory() {
	}

	/**
	 * Full collections until the used heap no longer shrinks (by less than 1 MiB from one
	 * to the next): memory freed only after reference processing and cleaners have run is
	 * counted out as well.
	 */
	static long heapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		AtomicLong previous = new AtomicLong(Long.MAX_VALUE);
		AtomicLong used = new AtomicLong();
		await("a settled heap").atMost(Duration.ofSeconds(30))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> {
				memory.gc();
				used.set(memory.getHeapMemoryUsage().getUsed());
				return previous.getAndSet(used.get()) - used.get() < 1024 * 1024;
			});
		return used.get();
	}

	/**
	 * @return the resident memory of this process ({@code /proc/self/smaps}) in bytes: in
	 * all, and outside the Java heap's address range (which
	 * {@code jcmd <pid> GC.heap_info} tells), so that heap pages touched or given back do
	 * not count there
	 */
	static Resident resident() throws Exception {
		Matcher range = HEAP_RANGE.matcher(jcmd("GC.heap_info"));
		if (!range.find()) {
			throw new IllegalStateException("no heap address range in GC.heap_info");
		}
		long heapStart = Long.parseUnsignedLong(range.group(1), 16);
		long heapEnd = Long.parseUnsignedLong(range.group(2), 16);
		long all = 0;
		long inHeap = 0;
		boolean heap = false;
		for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
			Matcher mapping = MAPPING.matcher(line);
			if (mapping.find()) {
				heap = Long.parseUnsignedLong(mapping.group(1), 16) >= heapStart
						&& Long.parseUnsignedLong(mapping.group(2), 16) <= heapEnd;
			}
			else if (line.startsWith("Rss:")) {
				long kib = Long.parseLong(line.replaceAll("\\D", ""));
				all += kib;
				inHeap += heap ? kib : 0;
			}
		}
		return new Resident(all * 1024, (all - inHeap) * 1024);
	}

	/**
	 * @param all the whole process
	 * @param outsideHeap what is not the Java heap: native memory, metaspace, code,
	 * stacks
	 */
	record Resident(long all, long outsideHeap) {
	}

	/**
	 * @return this JVM's heap by class ({@code jcmd <pid> GC.class_histogram}, which
	 * collects first): instances and bytes
	 */
	static Map<String, long[]> classes() throws Exception {
		Map<String, long[]> classes = new HashMap<>();
		jcmd("GC.class_histogram").lines()
			.map(HISTOGRAM_ROW::matcher)
			.filter(Matcher::matches)
			.forEach(m -> classes.put(m.group(3),
					new long[] { Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) }));
		return classes;
	}

	/**
	 * Prints what {@code count} sockets added to the heap, by class: the 30 classes that
	 * grew most between two {@link #classes()}, in bytes a socket.
	 */
	static void printGrowth(Map<String, long[]> before, Map<String, long[]> after, int count) {
		System.out.printf(Locale.ROOT, "%nheap growth by class, per socket (%d sockets):%n", count);
		System.out.printf(Locale.ROOT, "%12s %10s  %s%n", "bytes/socket", "objects", "class");
		List<Map.Entry<String, long[]>> growth = after.entrySet()
			.stream()
			.map(e -> Map.entry(e.getKey(),
					new long[] { e.getValue()[0] - before.getOrDefault(e.getKey(), NONE)[0],
							e.getValue()[1] - before.getOrDefault(e.getKey(), NONE)[1] }))
			.sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed())
			.limit(30)
			.toList();
		growth.forEach(e -> System.out.printf(Locale.ROOT, "%12.1f %10d  %s%n", e.getValue()[1] / (double) count,
				e.getValue()[0], e.getKey()));
	}

	private static String jcmd(String command) throws Exception {
		String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
		Process process = new ProcessBuilder(jcmd, Long.toString(ProcessHandle.current().pid()), command)
			.redirectErrorStream(true)
			.start();
		StringBuilder out = new StringBuilder();
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
			lines.lines().forEach(line -> out.append(line).append('\n'));
		}
		process.waitFor();
		return out.toString();
	}

}
