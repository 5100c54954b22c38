package org.majordome.pubsub;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.NamedElement;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.pubsub.AccessModel;
import org.jivesoftware.smackx.pubsub.Affiliation;
import org.jivesoftware.smackx.pubsub.GetItemsRequest;
import org.jivesoftware.smackx.pubsub.Item;
import org.jivesoftware.smackx.pubsub.ItemsExtension;
import org.jivesoftware.smackx.pubsub.Node;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.PubSubElementType;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.jivesoftware.smackx.pubsub.PublishItem;
import org.jivesoftware.smackx.pubsub.SimplePayload;
import org.jivesoftware.smackx.pubsub.SubscribeExtension;
import org.jivesoftware.smackx.pubsub.form.FillableConfigureForm;
import org.jivesoftware.smackx.pubsub.packet.PubSub;
import org.jivesoftware.smackx.pubsub.packet.PubSubNamespace;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.api.pubsub.NodeAccess;
import org.majordome.api.pubsub.NodeAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The XEP-0060 requests the bot makes, each one blocking until the service answers (call them off Smack's
 * threads). Built from Smack's pubsub elements directly rather than through {@code LeafNode}, which asks the
 * service for the node's type (one more round trip) before every request and cannot ask for retraction
 * notices.
 */
final class PubSubRequests {

    private static final Logger log = LoggerFactory.getLogger(PubSubRequests.class);

    private final XMPPConnection connection;

    PubSubRequests(XMPPConnection connection) {
        this.connection = connection;
    }

    /** The ids of every item of the node (§6.5.2). */
    List<String> itemIds(NodeAddress node) throws Exception {
        PubSub request = PubSub.createPubsubPacket(service(node), IQ.Type.get, new GetItemsRequest(node.node()));
        PubSub answer = connection.sendIqRequestAndWaitForResponse(request);
        ItemsExtension items = answer.getExtension(PubSubElementType.ITEMS);
        List<String> ids = new ArrayList<>();
        if (items != null) {
            for (NamedElement element : items.getItems()) {
                if (element instanceof Item item && item.getId() != null) {
                    ids.add(item.getId());
                }
            }
        }
        return ids;
    }

    /** Subscribes the bot's bare JID (§6.1): notifications then outlive its sessions and resources. */
    void subscribe(NodeAddress node) throws Exception {
        BareJid self = connection.getUser().asBareJid();
        connection.sendIqRequestAndWaitForResponse(
                PubSub.createPubsubPacket(service(node), IQ.Type.set, new SubscribeExtension(self, node.node())));
    }

    void publish(NodeAddress node, String itemId, String payloadXml) throws Exception {
        PayloadItem<SimplePayload> item = new PayloadItem<>(itemId, node.node(), new SimplePayload(payloadXml));
        connection.sendIqRequestAndWaitForResponse(
                PubSub.createPubsubPacket(service(node), IQ.Type.set, new PublishItem<>(node.node(), item)));
    }

    /** Retracts with {@code notify} (§7.2.2.1): without it Prosody tells no subscriber. */
    void retract(NodeAddress node, String itemId) throws Exception {
        String ns = PubSubNamespace.basic.getXmlns();
        PubSub request = new PubSub(service(node), IQ.Type.set, PubSubNamespace.basic);
        request.addExtension(StandardExtensionElement.builder("retract", ns).addAttribute("node", node.node())
                .addAttribute("notify", "true")
                .addElement(StandardExtensionElement.builder("item", ns).addAttribute("id", itemId).build()).build());
        connection.sendIqRequestAndWaitForResponse(request);
    }

    /** Creates the node when missing, then sets its access, kept items and retraction notices. */
    void ownNode(NodeAddress node, NodeAccess access) throws Exception {
        PubSubManager manager = PubSubManager.getInstanceFor(connection, JidCreate.bareFrom(node.service()));
        Optional<Node> existing = existing(manager, node);
        if (existing.isEmpty()) {
            try {
                manager.createNode(node.node(), configuration(manager.getDefaultConfiguration().getFillableForm(),
                        access, true));
            } catch (XMPPException.XMPPErrorException e) {
                refusedMax(node.node(), e);
                manager.createNode(node.node(), configuration(manager.getDefaultConfiguration().getFillableForm(),
                        access, false));
            }
        } else {
            configure(existing.get(), access);
        }
        if (access.model() == NodeAccess.Model.WHITELIST && !access.whitelist().isEmpty()) {
            Node owned = manager.getNode(node.node());
            List<Affiliation> members = new ArrayList<>();
            for (String jid : access.whitelist()) {
                members.add(new Affiliation(JidCreate.bareFrom(jid), Affiliation.Type.member,
                        Affiliation.AffiliationNamespace.owner));
            }
            owned.modifyAffiliationAsOwner(members);
        }
    }

    private static void configure(Node node, NodeAccess access) throws Exception {
        try {
            node.sendConfigurationForm(configuration(node.getNodeConfiguration().getFillableForm(), access, true));
        } catch (XMPPException.XMPPErrorException e) {
            refusedMax(node.getId(), e);
            node.sendConfigurationForm(configuration(node.getNodeConfiguration().getFillableForm(), access, false));
        }
    }

    /** "max" items is XEP-0060 §16.4.4 but not every server takes it: the node keeps the server's default count. */
    private static void refusedMax(String node, XMPPException.XMPPErrorException e) {
        log.warn("Pubsub node {}: the service refused the configuration asking to keep every item ({}); trying "
                + "again with its default number of items", node, condition(e));
    }

    private static FillableConfigureForm configuration(FillableConfigureForm form, NodeAccess access, boolean maxItems) {
        form.setAccessModel(access.model() == NodeAccess.Model.OPEN ? AccessModel.open : AccessModel.whitelist);
        form.setPersistentItems(true);
        form.setNotifyRetract(true);
        if (maxItems && form.getField("pubsub#max_items") != null) {
            form.setAnswer("pubsub#max_items", "max");
        }
        return form;
    }

    private static Optional<Node> existing(PubSubManager manager, NodeAddress node) throws Exception {
        try {
            return Optional.of(manager.getNode(node.node()));
        } catch (XMPPException.XMPPErrorException e) {
            if (e.getStanzaError().getCondition() == StanzaError.Condition.item_not_found) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static String condition(XMPPException.XMPPErrorException e) {
        return e.getStanzaError().getCondition().toString();
    }

    private static BareJid service(NodeAddress node) {
        return JidCreate.bareFromOrThrowUnchecked(node.service());
    }
}
