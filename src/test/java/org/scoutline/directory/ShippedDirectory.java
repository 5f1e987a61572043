package org.scoutline.directory;

import org.springframework.core.io.ClassPathResource;

/**
 * The directory shipped in {@code config/directory.yml}, for tests outside this package.
 */
public final class ShippedDirectory {

	private ShippedDirectory() {
	}

	public static Directory load() {
		return new Directory(new DirectorySettings(new ClassPathResource("config/directory.yml")));
	}

}
