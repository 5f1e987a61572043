package org.scoutline.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port against a real Redis: the one on 127.0.0.1:6379
 * when it answers, else the embedded one (started by the app's own fallback). Each
 * context writes under its own key prefix, and each test class removes the keys under it
 * when it is done, never any other key.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "scoutline.key-prefix=sl-test-${random.uuid}:", "scoutline.webchat.burst=1000",
				"scoutline.webchat.per-second=1000" })
@ActiveProfiles("test")
@Import({ RedisTestSupport.class, BrokerSubscriptions.Configuration.class })
@ExtendWith(RedisCleanupExtension.class)
public @interface IntegrationTest {

}
