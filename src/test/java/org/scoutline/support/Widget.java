package org.scoutline.support;

import com.microsoft.playwright.Frame;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;

/**
 * The chat widget on a page: since {@code /widget.js} is a loader, the chat itself is
 * inside the frame it opens ({@code iframe#scoutline-frame}).
 */
public final class Widget {

	public static final String FRAME = "#scoutline-frame";

	private Widget() {
	}

	/**
	 * @return the chat inside the widget's frame, for locators
	 */
	public static FrameLocator chat(Page page) {
		return page.frameLocator(FRAME);
	}

	/**
	 * @return the widget's frame, to run script in the chat's own document (waits until
	 * the chat is in it, shown or not: the loader's closed panel hides it)
	 */
	public static Frame frame(Page page) {
		Frame frame = page.locator(FRAME).elementHandle().contentFrame();
		frame.waitForSelector("#scoutline", new Frame.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
		return frame;
	}

}
