package org.parallax.core.user;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Account settings, under {@code parallax.accounts.}. */
@ConfigMapping(prefix = "parallax.accounts")
public interface AccountsConfig {

    /** bcrypt work factor for new password hashes; 12 takes about a quarter second on this machine. */
    @WithDefault("12")
    int bcryptCost();
}
