package org.scoutline.platform;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Puts {@link RedisRoundTrips} on the Lettuce client as soon as the connection factory
 * has made it, before the first connection (a connection takes the listeners the client
 * has when it opens). A factory that starts late (no client yet) is left as it is: the
 * round trips then read zero.
 */
@Configuration(proxyBeanMethods = false)
class RedisMetricsConfiguration {

	@Bean
	static BeanPostProcessor redisRoundTripCounter() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof LettuceConnectionFactory factory && factory.getNativeClient() != null) {
					factory.getNativeClient().addListener(new RedisRoundTrips());
				}
				return bean;
			}

		};
	}

}
