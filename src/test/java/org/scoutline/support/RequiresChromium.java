package org.scoutline.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A browser test: runs Debian's Chromium ({@code /usr/bin/chromium}). Where it is missing
 * the test is skipped with a reason, unless {@code -Dbrowser.required=true} (set by
 * {@code CI=true}), where it must run and so fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(ChromiumCondition.class)
public @interface RequiresChromium {

}
