/**
 * Contract changes that cross bundles. Merging two customer numbers: every bundle that keeps data per account
 * registers an {@link AccountMergeStep} that moves its part. Passing a contract to a new holder: bundles that keep
 * what the old holder brought as a person register a {@link HolderChangeStep}. The requests run them all in one
 * transaction.
 */
@Export
@Version("1.1.0")
package org.hostarea.core.merge;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
