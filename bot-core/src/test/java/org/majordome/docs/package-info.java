/**
 * The examples shown in the project's README, as real code: {@link org.majordome.docs.KarmaPlugin} and its test
 * are compiled and run with the rest of the suite, and {@link org.majordome.docs.ReadmeExamplesTest} fails when the
 * README's copies differ from these files, so that the documentation cannot rot; {@link org.majordome.docs.ClassSizeTest}
 * holds the code rules' class size limit.
 */
package org.majordome.docs;
