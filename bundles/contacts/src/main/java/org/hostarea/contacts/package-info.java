/**
 * The master data of an account (holder, address, phones, email, bank account, tax id; every change
 * audited) and its contacts: roles with limits, email categories, verification of each address.
 */
@Export
@Version("1.0.0")
package org.hostarea.contacts;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
