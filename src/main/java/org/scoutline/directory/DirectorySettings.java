package org.scoutline.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * @param file the directory of helplines
 */
@Validated
@ConfigurationProperties("scoutline.directory")
record DirectorySettings(@DefaultValue("classpath:config/directory.yml") @NotNull Resource file) {

}
