package org.scoutline.console;

/**
 * A console account as the console shows it (never the password hash).
 *
 * @param username the login name
 * @param alias the first name or alias users see when this person joins a chat
 * @param role what the account may do
 * @param enabled whether it may log in
 */
record Account(String username, String alias, Role role, boolean enabled) {

}
