package org.hostarea.packages;

/** A domain is ACTIVE, or ON_HOLD once its registration expired unrenewed (it stops resolving until renewed). */
public enum DomainStatus {
    ACTIVE,
    ON_HOLD
}
