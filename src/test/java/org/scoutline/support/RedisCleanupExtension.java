package org.scoutline.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Deletes the keys a test class wrote once it is done. Contexts are cached and shared
 * between test classes and are closed only when the JVM ends, too late to rely on; so
 * every class cleans up after itself.
 */
class RedisCleanupExtension implements AfterAllCallback {

	@Override
	public void afterAll(ExtensionContext context) {
		SpringExtension.getApplicationContext(context).getBean(RedisTestSupport.TestKeys.class).clear();
	}

}
