/**
 * Sending messages to customers: {@link org.hostarea.notifications.NotificationService} stores each
 * message durably in the caller's transaction, renders it from the templates of the bundle that owns
 * the event, and delivers it through the channel plugins; plus the message log that customers read.
 */
@Export
@Version("1.0.0")
package org.hostarea.notifications;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
