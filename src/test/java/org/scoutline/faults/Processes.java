package org.scoutline.faults;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every process the fault tests start, so that a JVM shutdown hook kills what a failed
 * test left running (the tests stop their processes themselves in {@code finally} and
 * {@code @AfterAll}; this is the net under them).
 */
final class Processes {

	private static final Set<Process> started = ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(Processes::killAll, "faults-process-reaper"));
	}

	private Processes() {
	}

	static void register(Process process) {
		started.add(process);
		process.onExit().thenRun(() -> started.remove(process));
	}

	private static void killAll() {
		for (Process process : started) {
			process.destroyForcibly();
		}
	}

}
