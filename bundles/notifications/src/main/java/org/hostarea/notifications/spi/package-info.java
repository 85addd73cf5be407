/**
 * Contracts that plugins implement: {@link org.hostarea.notifications.spi.NotificationChannel}
 * (email, webhook, ...) and {@link org.hostarea.notifications.spi.RecipientResolver} (who receives a
 * category of messages of an account).
 */
@Export
@Version("1.0.0")
package org.hostarea.notifications.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
