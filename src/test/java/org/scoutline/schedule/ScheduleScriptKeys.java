package org.scoutline.schedule;

import java.util.List;

/** The keys the session store gives its script, for the slot test. */
public final class ScheduleScriptKeys {

	private ScheduleScriptKeys() {
	}

	public static List<String> save(String prefix) {
		return SessionStore.keys(prefix);
	}

}
