package org.scoutline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Scoutline: the backend of a peer advice hotline for young people hit by sextortion,
 * deepfake nudes and shared intimate images. Each direct sub-package is a feature module
 * (see {@code README.md}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ScoutlineApplication {

	public static void main(String[] args) {
		SpringApplication.run(ScoutlineApplication.class, args);
	}

}
