/**
 * The bot's publish-subscribe client (XEP-0060) behind {@link org.majordome.api.pubsub.PubSub}: item retrieval
 * (§6.5), subscription (§6.1), publication and retraction with notification (§7.1, §7.2), node creation and
 * configuration (§8.1, §8.2) and whitelist members (§8.9), over the connection the {@code xmpp} package keeps.
 *
 * <p>Event notifications (§7.1.2.1, §7.2.2.1) are taken from the connection by one synchronous stanza listener
 * per followed node and handed to that node's serial worker, so that a node's events reach its listener in
 * order and never on Smack's reader thread. After a session that did not resume the previous stream (XEP-0198),
 * notifications may have been lost while the bot was away: every followed node is subscribed again and read
 * again, and its listener gets the whole list. May touch: {@code xmpp} (the connection), {@code api.pubsub}.
 */
package org.majordome.pubsub;
