/**
 * The directory of helplines, hotlines, hash tools and police contacts by country, with
 * their sources and the date each was last checked ({@code config/directory.yml}). Action
 * plans and crisis cards pick entries from it through
 * {@link org.scoutline.directory.Directory}.
 */
@ApplicationModule(displayName = "Directory", allowedDependencies = "platform")
package org.scoutline.directory;

import org.springframework.modulith.ApplicationModule;
