package org.scoutline.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips tests that start their own Redis processes where the binaries are missing. */
class RedisBinariesCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		List<String> missing = List.of("redis-server", "redis-cli").stream().filter(b -> !onPath(b)).toList();
		if (missing.isEmpty()) {
			return ConditionEvaluationResult.enabled("redis-server and redis-cli found");
		}
		if (Boolean.getBoolean("browser.required")) {
			return ConditionEvaluationResult.enabled("CI=true but " + missing
					+ " missing: the test will fail; install them with apt-get install redis-server");
		}
		return ConditionEvaluationResult
			.disabled(missing + " not on the PATH: Cluster and Sentinel tests skipped (apt-get install redis-server)");
	}

	private static boolean onPath(String binary) {
		for (String entry : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
			if (Files.isExecutable(Path.of(entry, binary))) {
				return true;
			}
		}
		return false;
	}

}
