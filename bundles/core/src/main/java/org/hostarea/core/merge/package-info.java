/**
 * Merging two customer numbers: every bundle that keeps data per account registers an {@link AccountMergeStep}
 * that moves its part; the merge request runs them all in one transaction.
 */
@Export
@Version("1.0.0")
package org.hostarea.core.merge;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
