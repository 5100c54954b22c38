package org.majordome.web;

import java.net.InetAddress;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;

/** What the embedded server knows about a request, for the apps it serves. */
public interface WebContext {

    /** The client's address: the peer's, or the one a trusted proxy forwarded (Forwarded, X-Forwarded-For). */
    InetAddress clientAddress(Request request);

    /** Whether the client reached the bot over HTTPS (TLS here, or a trusted proxy says so): cookies get Secure. */
    boolean secure(Request request);

    /** Whether the request's Origin names this server (its public URL, else the Host it was sent to). */
    boolean sameOrigin(Request request);

    /** A handler serving the files of a class-path directory (e.g. {@code org/majordome/webchat/page}); 404 else. */
    Handler classpathFiles(String directory);
}
