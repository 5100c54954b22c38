/**
 * Publish-subscribe (XEP-0060) for plugins: read a node's items (§6.5), follow a node's publications and
 * retractions (§6.1, §7.1.2.1, §7.2.2.1), publish and retract items with given ids (§7.1, §7.2), and keep a
 * node the bot owns with an open or whitelist access model (§8.1, §8.2, §4.5). Real-time block lists are built
 * on it: a node whose item ids are hashes of banned addresses.
 *
 * <p>A followed node stays followed across the bot's reconnections: after a new session (one that did not
 * resume the previous stream, so notifications may have been lost) the runtime subscribes again and hands the
 * listener the node's whole item list anew. Listener calls for one node arrive in order, never on the XMPP
 * library's threads. A publication, retraction or node configuration asked for while the bot is offline (a plugin
 * starts before the bot connects) is carried out, in order, at its next session. As in {@link org.majordome.api.room}, every action returns a
 * {@link java.util.concurrent.CompletionStage} that always completes, with an
 * {@link org.majordome.api.room.ActionResult}.
 */
package org.majordome.api.pubsub;
