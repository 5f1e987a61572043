package org.scoutline.dialogue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

import org.scoutline.conversation.Conversations;
import org.scoutline.platform.ScoutlineSettings;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Import this to run the triage's steps through {@link ComparedSteps}: the application's
 * machine by default, the library's recipe when switched on. The recipe's contexts live
 * under the context's key prefix ({@code <prefix>recipe:<pseudonym>}), so the test
 * support's cleanup removes them. To know whose conversation a step belongs to, the
 * {@link Conversations} store is wrapped: loading a conversation names the person for the
 * rest of the turn on that thread.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecipeComparison {

	@Bean
	ComparedSteps comparedSteps(StringRedisTemplate redis, ObjectMapper json, ScoutlineSettings settings) {
		return new ComparedSteps(
				new RedisContextPersist(redis, json, settings.keyPrefix() + "recipe:", settings.retention()));
	}

	@Bean
	static BeanPostProcessor conversationOfTheTurn() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (!(bean instanceof Conversations store)) {
					return bean;
				}
				return Proxy.newProxyInstance(Conversations.class.getClassLoader(),
						new Class<?>[] { Conversations.class }, (proxy, method, args) -> {
							if (method.getName().equals("find")) {
								ComparedSteps.handling((String) args[0]);
							}
							try {
								return method.invoke(store, args);
							}
							catch (InvocationTargetException ex) {
								throw ex.getCause();
							}
						});
			}

		};
	}

}
