package org.scoutline.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.StreamUtils;

/**
 * Our Lua scripts, read from the class path once. A script made from the resource itself
 * asks the resource for its modification time on every call to see whether to hash it
 * again (a class path lookup and a file check per Redis call: 8% of a bot turn's CPU in a
 * JFR profile); made from its text, its SHA-1 is computed once.
 */
public final class LuaScripts {

	private LuaScripts() {
	}

	/**
	 * @param path the script's class path location, e.g.
	 * {@code redis/save-conversation.lua}
	 */
	public static <T> RedisScript<T> of(String path, Class<T> resultType) {
		try {
			return RedisScript.of(
					StreamUtils.copyToString(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8),
					resultType);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the Lua script " + path + " could not be read", ex);
		}
	}

}
