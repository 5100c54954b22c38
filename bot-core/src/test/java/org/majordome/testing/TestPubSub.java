package org.majordome.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smackx.pubsub.AccessModel;
import org.jivesoftware.smackx.pubsub.Item;
import org.jivesoftware.smackx.pubsub.LeafNode;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.jivesoftware.smackx.pubsub.SimplePayload;
import org.jivesoftware.smackx.pubsub.form.FillableConfigureForm;
import org.jivesoftware.smackx.pubsub.listener.ItemDeleteListener;
import org.jivesoftware.smackx.pubsub.listener.ItemEventListener;
import org.jivesoftware.smackx.pubsub.packet.PubSub;
import org.jivesoftware.smackx.pubsub.packet.PubSubNamespace;
import org.jxmpp.jid.impl.JidCreate;

/**
 * A test client's hands on the server's publish-subscribe service (XEP-0060): create a node, publish and retract
 * items the way a block list's maintainer does (an item id, a small payload), and watch a node's events.
 */
public final class TestPubSub {

    /** The payload of a block-list item, as the public lists publish it (a ban, no content the bot needs). */
    public static final String BAN_PAYLOAD = "<ban xmlns='urn:xmpp:rtbl:0'/>";

    private final XmppTestClient client;
    private final PubSubManager manager;

    private TestPubSub(XmppTestClient client, String service) {
        this.client = client;
        this.manager = PubSubManager.getInstanceFor(client.connection(), JidCreate.bareFromOrThrowUnchecked(service));
    }

    /** The client's view of the server's pubsub service ({@link XmppServer#pubsubService()}). */
    public static TestPubSub of(XmppTestClient client, XmppServer server) {
        return new TestPubSub(client, server.pubsubService());
    }

    /** Creates a leaf node with this access model, persistent items and retraction notices. */
    public LeafNode createNode(String node, AccessModel access) throws Exception {
        FillableConfigureForm form = manager.getDefaultConfiguration().getFillableForm();
        form.setAccessModel(access);
        form.setPersistentItems(true);
        form.setNotifyRetract(true);
        manager.createNode(node, form);
        return manager.getLeafNode(node);
    }

    /** Publishes an item with this id and a ban payload. */
    public void publish(String node, String itemId) throws Exception {
        manager.getLeafNode(node).publish(new PayloadItem<>(itemId, node, new SimplePayload(BAN_PAYLOAD)));
    }

    /**
     * Retracts an item and asks the service to tell the subscribers ({@code notify}, XEP-0060 §7.2.2.1): Smack's
     * {@code LeafNode.deleteItem} does not ask, and Prosody then tells no one.
     */
    public void retract(String node, String itemId) throws Exception {
        String ns = PubSubNamespace.basic.getXmlns();
        PubSub request = new PubSub(manager.getServiceJid(), IQ.Type.set, PubSubNamespace.basic);
        request.addExtension(StandardExtensionElement.builder("retract", ns).addAttribute("node", node)
                .addAttribute("notify", "true")
                .addElement(StandardExtensionElement.builder("item", ns).addAttribute("id", itemId).build()).build());
        client.connection().sendIqRequestAndWaitForResponse(request);
    }

    /** The ids of the node's items, as the service returns them. */
    public List<String> itemIds(String node) throws Exception {
        List<Item> items = manager.getLeafNode(node).getItems();
        return items.stream().map(Item::getId).toList();
    }

    /** Subscribes this client and records every published and retracted item id it is told of. */
    public NodeEvents subscribe(String node) throws Exception {
        LeafNode leaf = manager.getLeafNode(node);
        NodeEvents events = new NodeEvents();
        leaf.addItemEventListener((ItemEventListener<Item>) event ->
                event.getItems().forEach(item -> events.published.add(item.getId())));
        leaf.addItemDeleteListener(new ItemDeleteListener() {
            @Override
            public void handleDeletedItems(org.jivesoftware.smackx.pubsub.ItemDeleteEvent event) {
                events.retracted.addAll(event.getItemIds());
            }

            @Override
            public void handlePurge() {
            }
        });
        leaf.subscribe(client.connection().getUser());
        return events;
    }

    /** What a subscriber was told, in order. */
    public static final class NodeEvents {
        public final List<String> published = new CopyOnWriteArrayList<>();
        public final List<String> retracted = new CopyOnWriteArrayList<>();
    }
}
