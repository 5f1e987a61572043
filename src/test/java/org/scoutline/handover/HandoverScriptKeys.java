package org.scoutline.handover;

import java.util.List;

/** The keys the handover store gives its scripts, for the slot test. */
public final class HandoverScriptKeys {

	private final HandoverKeys keys;

	public HandoverScriptKeys(String prefix) {
		this.keys = new HandoverKeys(prefix);
	}

	public List<String> enqueue(String id) {
		return keys.enqueue(id);
	}

	public List<String> claim(String id, String scout) {
		return keys.claim(id, scout);
	}

	public List<String> transfer(String id, String from, String to) {
		return keys.transfer(id, from, to);
	}

	public List<String> release(String id, String scout) {
		return keys.release(id, scout);
	}

	public List<String> offer(String id, String scout) {
		return keys.offer(id, scout);
	}

	public List<String> accept(String id, String scout) {
		return keys.accept(id, scout);
	}

	public List<String> decline(String id, String scout) {
		return keys.decline(id, scout);
	}

	public List<String> stepIn(String id) {
		return keys.stepIn(id);
	}

	public List<String> tell(String id) {
		return keys.tell(id);
	}

}
