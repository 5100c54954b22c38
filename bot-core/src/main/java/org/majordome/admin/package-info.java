/**
 * Operating the bot: health and Prometheus metrics over HTTP (loopback by default). Later: ad-hoc
 * commands (XEP-0050) for administrators using Psi or Gajim.
 */
package org.majordome.admin;
