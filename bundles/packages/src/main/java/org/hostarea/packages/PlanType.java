package org.hostarea.packages;

/** What a plan sells; it decides which technical settings its packages have. */
public enum PlanType {
    HOSTING, DOMAIN, SSL, SERVER, DEDICATED_IP, APP, EMAIL
}
