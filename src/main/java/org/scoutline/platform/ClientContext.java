package org.scoutline.platform;

import java.util.Optional;

/**
 * The client address (as its keyed pseudonym) behind the work this thread does now, for
 * limits per address deep in a turn without every call in between carrying it: the
 * widget's socket sets it around a turn, as Spring Security's context holder does for the
 * user. Nothing else may be kept here, and it is gone when the work ends.
 */
public final class ClientContext {

	private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

	private ClientContext() {
	}

	/**
	 * Runs {@code work} for the client of {@code pseudonym} ({@code null}: unknown).
	 */
	public static <T, E extends Exception> T with(String pseudonym, Work<T, E> work) throws E {
		String before = CURRENT.get();
		CURRENT.set(pseudonym);
		try {
			return work.run();
		}
		finally {
			if (before == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(before);
			}
		}
	}

	/**
	 * @return the pseudonym of the client whose work this thread does now, if known
	 */
	public static Optional<String> current() {
		return Optional.ofNullable(CURRENT.get());
	}

	/** Work done for a client. */
	@FunctionalInterface
	public interface Work<T, E extends Exception> {

		T run() throws E;

	}

}
