/**
 * What works on which server, from the integration tests' results: an IT names the user-facing {@link
 * org.majordome.testing.support.Feature} it proves with {@link org.majordome.testing.support.Proves}, and {@link
 * org.majordome.testing.support.ServerSupportTable} reads Failsafe's reports ({@code target/failsafe-reports/
 * TEST-*.xml}) and writes the README's table: a feature is shown working on a server only when every test that
 * proves it passed there.
 */
package org.majordome.testing.support;
