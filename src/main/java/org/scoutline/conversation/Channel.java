package org.scoutline.conversation;

/** Where a young person writes from. */
public enum Channel {

	WEB, TELEGRAM, WHATSAPP

}
