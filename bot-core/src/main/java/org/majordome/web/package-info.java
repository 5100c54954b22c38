/**
 * The embedded HTTP server (Jetty 12 core handlers, no servlets) and what the apps it serves see of it:
 * {@link org.majordome.web.WebApp} (an app under a path prefix of its own, e.g. the web chat) and
 * {@link org.majordome.web.WebContext} (client address behind trusted proxies, HTTPS, same-origin checks, class-path
 * files). May use {@code config}; apps (e.g. {@code webchat}) use it, never the other way round.
 */
package org.majordome.web;
