package org.hostarea.notifications;

/** QUEUED until a channel delivered it (SENT) or the attempts ran out (FAILED, for staff to retry). */
public enum MessageStatus {
    QUEUED,
    SENT,
    FAILED
}
