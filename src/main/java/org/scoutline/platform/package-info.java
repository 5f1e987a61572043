/**
 * Infrastructure shared by every module: the Redis connection (with the embedded fallback
 * for a fresh machine), the secrets and retention settings, and JSON error answers for
 * HTTP. No product logic.
 */
@ApplicationModule(displayName = "Platform", type = ApplicationModule.Type.OPEN)
package org.scoutline.platform;

import org.springframework.modulith.ApplicationModule;
