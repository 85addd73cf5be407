package org.hostarea.notifications.internal;

/** A template rendered for one message: subject (one line), plain text and optional HTML. */
record RenderedMessage(String subject, String text, String html) {
}
