package org.scoutline.directory;

import org.springframework.core.io.ClassPathResource;

/**
 * The directory shipped in {@code config/directory.yml}, for tests outside this package.
 */
public final class ShippedDirectory {

	private ShippedDirectory() {
	}

	/**
	 * @return the directory in another file, as the app would read it
	 */
	public static Directory from(org.springframework.core.io.Resource file) {
		return new Directory(new DirectorySettings(file));
	}

	public static Directory load() {
		return new Directory(new DirectorySettings(new ClassPathResource("config/directory.yml")));
	}

}
