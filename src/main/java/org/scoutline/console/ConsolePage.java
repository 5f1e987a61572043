package org.scoutline.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Serves the console page at {@code /console} (a login first). */
@Controller
class ConsolePage {

	@GetMapping({ "/console", "/console/" })
	String page() {
		return "forward:/console/index.html";
	}

}
