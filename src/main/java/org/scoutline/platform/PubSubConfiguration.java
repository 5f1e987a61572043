package org.scoutline.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Redis pub/sub for messages between instances (each module adds its listeners), and
 * scheduled tasks.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PubSubConfiguration {

	@Bean
	RedisMessageListenerContainer redisListeners(RedisConnectionFactory connections) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connections);
		return container;
	}

}
