package org.majordome.web;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;

/** Something the bot serves over HTTP under a path prefix of its own (the web chat; later the console). */
public interface WebApp {

    /** The path prefix, without a trailing slash (e.g. {@code /chat}); requests under it go to {@link #handler}. */
    String pathPrefix();

    /** Made once, before the server starts; the server is given so that a WebSocket upgrade can be set up. */
    Handler handler(Server server, WebContext context);
}
