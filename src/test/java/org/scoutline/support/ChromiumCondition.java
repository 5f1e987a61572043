package org.scoutline.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips browser tests where Chromium is missing, with a message, unless browser tests are
 * required.
 */
class ChromiumCondition implements ExecutionCondition {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (Files.isExecutable(CHROMIUM)) {
			return ConditionEvaluationResult.enabled("Chromium found at " + CHROMIUM);
		}
		if (Boolean.getBoolean("browser.required")) {
			return ConditionEvaluationResult.enabled("browser tests are required (CI=true) but " + CHROMIUM
					+ " is missing: the test will fail; install it with apt-get install chromium");
		}
		return ConditionEvaluationResult.disabled("Chromium is not installed at " + CHROMIUM
				+ ": browser tests skipped (apt-get install chromium, or run .ci/run)");
	}

}
