package org.scoutline.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Playwright for Java driving Debian's Chromium; never downloads a browser of its own.
 */
public final class Browser {

	static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--disable-dev-shm-usage");

	private static Playwright playwright;

	private static com.microsoft.playwright.Browser shared;

	private Browser() {
	}

	/**
	 * @return one Chromium for every browser test in this JVM (started on first use,
	 * closed when the JVM ends); tests isolate themselves with their own browser contexts
	 */
	public static synchronized com.microsoft.playwright.Browser shared() {
		if (shared == null) {
			playwright = playwright();
			shared = chromium(playwright);
			Runtime.getRuntime().addShutdownHook(new Thread(Browser::closeShared, "playwright-close"));
		}
		return shared;
	}

	private static synchronized void closeShared() {
		if (shared != null) {
			shared.close();
			playwright.close();
			shared = null;
		}
	}

	public static Playwright playwright() {
		return Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
	}

	public static com.microsoft.playwright.Browser chromium(Playwright playwright) {
		return playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(ChromiumCondition.CHROMIUM)
				.setHeadless(true)
				.setArgs(ARGS));
	}

	/**
	 * @return Chromium with a regular profile in {@code dir} (as most people have it),
	 * unlike the off-the-record contexts of {@link #shared()}, which block a frame's
	 * storage on another site
	 */
	public static BrowserContext profile(Playwright playwright, Path dir, int width, int height) {
		return playwright.chromium()
			.launchPersistentContext(dir,
					new BrowserType.LaunchPersistentContextOptions().setExecutablePath(ChromiumCondition.CHROMIUM)
						.setHeadless(true)
						.setArgs(ARGS)
						.setViewportSize(width, height));
	}

	public static Path screenshot(String name) {
		return Path.of("target", "screenshots", name + ".png");
	}

}
