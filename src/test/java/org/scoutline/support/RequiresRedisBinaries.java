package org.scoutline.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that starts Redis processes of its own (a cluster, a Sentinel set-up):
 * {@code redis-server} and {@code redis-cli} must be on the PATH. Where they are missing
 * the test is skipped with a reason, unless {@code -Dbrowser.required=true} (set by
 * {@code CI=true}, which installs them), where it must run and so fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(RedisBinariesCondition.class)
public @interface RequiresRedisBinaries {

}
