package org.scoutline.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;

/**
 * The load generator of {@link WidgetLoadBenchmark} in its own process, so that its CPU
 * shows apart from the app's: {@code <port> <users>}; opens the users' sockets and prints
 * {@code READY}, then for every line {@code run <seconds> <rate>} on its standard input
 * runs a phase and prints {@code PHASE <turns> <seconds> <errors> <p50> <p99> <max>};
 * ends when its input closes.
 */
public final class WidgetLoadClients {

	private WidgetLoadClients() {
	}

	public static void main(String[] args) throws Exception {
		try (WidgetLoad load = new WidgetLoad(Integer.parseInt(args[0]), Integer.parseInt(args[1]))) {
			System.out.println("READY");
			System.out.flush();
			BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
			String line;
			while ((line = in.readLine()) != null) {
				String[] command = line.trim().split(" ");
				if (command[0].equals("run")) {
					WidgetLoad.Phase phase = load.run(Integer.parseInt(command[1]), Integer.parseInt(command[2]));
					System.out.println("PHASE " + phase.line());
					System.out.flush();
				}
			}
		}
	}

}
