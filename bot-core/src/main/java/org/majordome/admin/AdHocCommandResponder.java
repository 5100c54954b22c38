package org.majordome.admin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.iqrequest.AbstractIqRequestHandler;
import org.jivesoftware.smack.iqrequest.IQRequestHandler;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandNote;
import org.jivesoftware.smackx.commands.packet.AdHocCommandData;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.disco.packet.DiscoverInfoBuilder;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.majordome.api.admin.AdminCommand;
import org.majordome.api.admin.AdminField;
import org.majordome.api.admin.AdminRequest;
import org.majordome.api.admin.AdminResult;
import org.majordome.api.text.Wording;
import org.majordome.text.Languages;
import org.majordome.text.TextService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the {@link AdminCommandCatalog} as XEP-0050 ad-hoc commands on the bot's connection, to the
 * bot's administrators only: anybody else finds the command list empty (§3.1 lets a responder filter it),
 * gets {@code item-not-found} for a command node's disco#info and {@code forbidden} when executing (§4.4).
 *
 * <p>A command without a form completes at once with a note. A command with a form answers the first
 * request with the form ({@code status='executing'}, a session id, the single action {@code complete});
 * the submitted form runs it (§3.4, §4.2). The commands have a single stage, so a submission with
 * {@code action} {@code execute}, {@code next}, {@code complete} or none runs it (§4: Poezio sends
 * {@code next}); {@code cancel} ends the session at any point. Submitted forms are read against the form
 * the bot sent ({@link AdminForms}), whatever types the client gave or left out; a request the bot cannot
 * read or that does not fit gets a {@code bad-request} error whose text says what is wrong, never silence
 * ({@link CommandRequestProvider}). Sessions belong to the administrator who started them and expire after
 * {@link #SESSION_LIFETIME}.
 *
 * <p>Installed by replacing the connection's handlers for {@code command} sets and disco requests (Smack
 * keeps one handler per element and namespace); disco requests for other nodes go on to Smack's own
 * handlers. Handlers run on Smack's asynchronous executor, never on the reader thread.
 */
public final class AdHocCommandResponder {

    public static final String NAMESPACE = AdHocCommandData.NAMESPACE;
    static final Duration SESSION_LIFETIME = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(AdHocCommandResponder.class);

    private record Session(String node, EntityBareJid requester, String formType, List<AdminField> fields,
                           Instant started, Locale language) {
    }

    private final XMPPConnection connection;
    private final AdminCommandCatalog catalog;
    private final Supplier<Set<EntityBareJid>> admins;
    private final Supplier<Locale> defaultLanguage;
    private final Function<Jid, Optional<Locale>> declaredLanguage;
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private IQRequestHandler smackDiscoItems;
    private IQRequestHandler smackDiscoInfo;

    /**
     * @param admins          the current administrators' bare JIDs (read at every request: a reload may change them)
     * @param defaultLanguage  the bot's language ({@code runtime.language}), for requests that name none the bot speaks
     * @param declaredLanguage the language a user's messages declared ({@code xml:lang}), by their full JID
     */
    public AdHocCommandResponder(XMPPConnection connection, AdminCommandCatalog catalog,
                                 Supplier<Set<EntityBareJid>> admins, Supplier<Locale> defaultLanguage,
                                 Function<Jid, Optional<Locale>> declaredLanguage, Clock clock) {
        this.connection = connection;
        this.catalog = catalog;
        this.admins = admins;
        this.defaultLanguage = defaultLanguage;
        this.declaredLanguage = declaredLanguage;
        this.clock = clock;
    }

    /** Starts answering; call once, after the connection object exists (it need not be connected). */
    public void install() {
        // Global in Smack: replaces its provider for every connection of this process, with one that reads
        // the same but turns what Smack cannot read into a request the responder answers.
        ProviderManager.addIQProvider(AdHocCommandData.ELEMENT, NAMESPACE, new CommandRequestProvider());
        ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(connection);
        disco.addFeature(NAMESPACE);
        connection.registerIQRequestHandler(new AbstractIqRequestHandler(AdHocCommandData.ELEMENT, NAMESPACE,
                IQ.Type.set, IQRequestHandler.Mode.async) {
            @Override
            public IQ handleIQRequest(IQ request) {
                return onCommand((AdHocCommandData) request);
            }
        });
        smackDiscoItems = connection.registerIQRequestHandler(new AbstractIqRequestHandler(DiscoverItems.ELEMENT,
                DiscoverItems.NAMESPACE, IQ.Type.get, IQRequestHandler.Mode.async) {
            @Override
            public IQ handleIQRequest(IQ request) {
                return onDiscoItems((DiscoverItems) request);
            }
        });
        smackDiscoInfo = connection.registerIQRequestHandler(new AbstractIqRequestHandler(DiscoverInfo.ELEMENT,
                DiscoverInfo.NAMESPACE, IQ.Type.get, IQRequestHandler.Mode.async) {
            @Override
            public IQ handleIQRequest(IQ request) {
                return onDiscoInfo((DiscoverInfo) request);
            }
        });
    }

    private boolean isAdmin(Jid requester) {
        EntityBareJid bare = requester == null ? null : requester.asEntityBareJidIfPossible();
        return bare != null && admins.get().contains(bare);
    }

    private IQ onDiscoItems(DiscoverItems request) {
        if (!NAMESPACE.equals(request.getNode())) {
            return delegate(smackDiscoItems, request);
        }
        DiscoverItems response = new DiscoverItems();
        response.setType(IQ.Type.result);
        response.setTo(request.getFrom());
        response.setStanzaId(request.getStanzaId());
        response.setNode(NAMESPACE);
        if (isAdmin(request.getFrom())) {
            Locale language = languageOf(request, usualLanguage(request.getFrom()));
            for (AdminCommand command : catalog.commands()) {
                DiscoverItems.Item item = new DiscoverItems.Item(connection.getUser());
                item.setNode(command.node());
                item.setName(command.name(language));
                response.addItem(item);
            }
        }
        return response;
    }

    private IQ onDiscoInfo(DiscoverInfo request) {
        String node = request.getNode();
        if (node == null || catalog.command(node).isEmpty()) {
            return delegate(smackDiscoInfo, request);
        }
        if (!isAdmin(request.getFrom())) {
            return IQ.createErrorResponse(request, StanzaError.Condition.item_not_found);
        }
        AdminCommand command = catalog.command(node).orElseThrow();
        DiscoverInfoBuilder info = DiscoverInfoBuilder.buildResponseFor(request, IQ.ResponseType.result);
        info.addIdentity(new DiscoverInfo.Identity("automation", "command-node",
                command.name(languageOf(request, usualLanguage(request.getFrom()))), null));
        info.addFeature(NAMESPACE);
        info.addFeature(DataForm.NAMESPACE);
        return info.build();
    }

    private static IQ delegate(IQRequestHandler smackHandler, IQ request) {
        return smackHandler == null ? IQ.createErrorResponse(request, StanzaError.Condition.service_unavailable)
                : smackHandler.handleIQRequest(request);
    }

    private IQ onCommand(AdHocCommandData request) {
        if (!isAdmin(request.getFrom())) {
            log.warn("Refused ad-hoc command '{}' to {}: not a bot administrator", request.getNode(), request.getFrom());
            return IQ.createErrorResponse(request, StanzaError.Condition.forbidden);
        }
        Session known = request.getSessionID() == null ? null : sessions.get(request.getSessionID());
        // A submission that names no language keeps the one its form was sent in.
        Locale language = languageOf(request, known != null ? known.language() : usualLanguage(request.getFrom()));
        Wording words = words(language);
        if (request instanceof CommandRequestProvider.Unreadable unreadable) {
            log.warn("Ad-hoc command '{}' from {} refused: {}", request.getNode(), request.getFrom(), unreadable.problem());
            return error(request, StanzaError.Condition.bad_request, AdHocCommand.SpecificErrorCondition.badPayload,
                    unreadable.problem(words));
        }
        EntityBareJid requester = request.getFrom().asEntityBareJidIfPossible();
        AdHocCommand.Action action = request.getAction();
        if (action == AdHocCommand.Action.unknown) {
            return error(request, StanzaError.Condition.bad_request, AdHocCommand.SpecificErrorCondition.malformedAction,
                    words.format("admin.error.unknown-action"));
        }
        if (request.getSessionID() == null) {
            if (action == AdHocCommand.Action.cancel) {
                return canceled(request, null);
            }
            if (action == AdHocCommand.Action.prev) {
                return error(request, StanzaError.Condition.bad_request, AdHocCommand.SpecificErrorCondition.badAction,
                        words.format("admin.error.no-previous-stage"));
            }
            return start(request, requester, language);
        }
        Session session = known;
        if (session == null || !session.requester().equals(requester) || !session.node().equals(request.getNode())) {
            return error(request, StanzaError.Condition.bad_request, AdHocCommand.SpecificErrorCondition.badSessionid,
                    words.format("admin.error.no-session"));
        }
        if (isExpired(session)) {
            sessions.remove(request.getSessionID());
            return error(request, StanzaError.Condition.not_allowed, AdHocCommand.SpecificErrorCondition.sessionExpired,
                    words.format("admin.error.session-expired", SESSION_LIFETIME.toMinutes()));
        }
        if (action == AdHocCommand.Action.cancel) {
            sessions.remove(request.getSessionID());
            return canceled(request, request.getSessionID());
        }
        if (action == AdHocCommand.Action.prev) {
            return error(request, StanzaError.Condition.bad_request, AdHocCommand.SpecificErrorCondition.badAction,
                    words.format("admin.error.single-stage"));
        }
        Map<String, String> answers;
        try {
            answers = AdminForms.answers(session.formType(), session.fields(), request.getForm(), words);
        } catch (AdminForms.MalformedSubmission e) {
            // The session stays: the client may correct the form and submit it again.
            log.warn("Ad-hoc command '{}' from {} refused: {}", session.node(), requester, e.getMessage());
            return error(request, StanzaError.Condition.bad_request, AdHocCommand.SpecificErrorCondition.badPayload,
                    e.getMessage());
        }
        sessions.remove(request.getSessionID());
        return finish(request, request.getSessionID(), session, answers, language);
    }

    private static AdHocCommandData canceled(AdHocCommandData request, String sessionId) {
        AdHocCommandData response = response(request, sessionId);
        response.setStatus(AdHocCommand.Status.canceled);
        return response;
    }

    private IQ start(AdHocCommandData request, EntityBareJid requester, Locale language) {
        AdminCommand command = catalog.command(request.getNode()).orElse(null);
        if (command == null) {
            return IQ.createErrorResponse(request, StanzaError.Condition.item_not_found);
        }
        sessions.values().removeIf(this::isExpired);
        String sessionId = HexFormat.of().formatHex(nextBytes());
        List<AdminField> fields = command.form(language);
        if (fields.isEmpty()) {
            return finish(request, sessionId, new Session(command.node(), requester, "", fields, clock.instant(),
                    language), Map.of(), language);
        }
        DataForm form = AdminForms.form(command, fields, language, words(language));
        sessions.put(sessionId, new Session(command.node(), requester, form.getFormType(), fields, clock.instant(),
                language));
        AdHocCommandData response = response(request, sessionId);
        response.setStatus(AdHocCommand.Status.executing);
        response.setForm(form);
        response.addAction(AdHocCommand.Action.complete);
        response.setExecuteAction(AdHocCommand.Action.complete);
        return response;
    }

    private byte[] nextBytes() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return bytes;
    }

    private IQ finish(AdHocCommandData request, String sessionId, Session session, Map<String, String> answers,
                      Locale language) {
        AdminCommand command = catalog.command(session.node()).orElse(null);
        AdHocCommandData response = response(request, sessionId);
        response.setStatus(AdHocCommand.Status.completed);
        Wording words = words(language);
        if (command == null) {
            response.addNote(note(AdminResult.failed(words.format("admin.error.withdrawn"))));
            return response;
        }
        AdminResult result = run(command, session, answers, language, words);
        log.info("Ad-hoc command '{}' run by {}: {} {}", command.node(), session.requester(), result.outcome(),
                result.text().lines().findFirst().orElse(""));
        response.addNote(note(result));
        return response;
    }

    private static AdminResult run(AdminCommand command, Session session, Map<String, String> answers,
                                   Locale language, Wording words) {
        List<String> missing = new ArrayList<>();
        for (AdminField field : session.fields()) {
            String value = answers.get(field.name());
            if (value == null) {
                if (field.required()) {
                    missing.add(field.label());
                }
            } else if (field.kind() == AdminField.Kind.CHOICE && !field.choices().contains(value)) {
                return AdminResult.failed(words.format("admin.error.not-a-choice", field.label(), value,
                        words.list(field.choices())));
            }
        }
        if (!missing.isEmpty()) {
            return AdminResult.failed(words.format("admin.error.missing", words.list(missing)));
        }
        try {
            return command.run(new AdminRequest(session.requester().toString(), answers, language));
        } catch (RuntimeException e) {
            log.error("Ad-hoc command '{}' failed", command.node(), e);
            return AdminResult.failed(words.format("admin.error.failed", e.toString()));
        }
    }

    private static AdHocCommandData response(AdHocCommandData request, String sessionId) {
        AdHocCommandData response = new CommandResponse();
        response.setType(IQ.Type.result);
        response.setTo(request.getFrom());
        response.setStanzaId(request.getStanzaId());
        response.setNode(request.getNode());
        response.setSessionID(sessionId);
        return response;
    }

    /** An error whose text says what is wrong: clients show it, where a bare condition leaves the user guessing. */
    private static IQ error(AdHocCommandData request, StanzaError.Condition condition,
                            AdHocCommand.SpecificErrorCondition specific, String text) {
        return IQ.createErrorResponse(request, StanzaError.getBuilder(condition)
                .addExtension(CommandResponse.errorText(text))
                .addExtension(new AdHocCommandData.SpecificError(specific)));
    }

    private static AdHocCommandNote note(AdminResult result) {
        AdHocCommandNote.Type type = switch (result.outcome()) {
            case DONE -> AdHocCommandNote.Type.info;
            case WARNING -> AdHocCommandNote.Type.warn;
            case FAILED -> AdHocCommandNote.Type.error;
        };
        return new AdHocCommandNote(type, result.text());
    }

    /**
     * The language of a request: the {@code xml:lang} the requester's client put on it when the bot speaks it, else
     * {@code otherwise}. The command element's is read ({@link CommandRequestProvider}); Smack 4.4.8 reads none on an
     * {@code <iq/>} (not even the one a server adds from the client's stream), hence {@link #usualLanguage}.
     */
    static Locale languageOf(IQ request, Locale otherwise) {
        String tag = request.getLanguage();
        if (tag == null || tag.isBlank()) {
            return otherwise;
        }
        Locale asked = Locale.forLanguageTag(tag.strip().replace('_', '-'));
        return Languages.spoken().contains(asked.getLanguage()) ? asked : otherwise;
    }

    /**
     * The requester's language when the request names none: the one their messages to the bot declared (from that
     * client, else any of theirs) when the bot speaks it, else the bot's.
     */
    private Locale usualLanguage(Jid requester) {
        Optional<Locale> declared = requester == null ? Optional.empty() : declaredLanguage.apply(requester)
                .or(() -> declaredLanguage.apply(requester.asBareJid()));
        return declared.filter(language -> Languages.spoken().contains(language.getLanguage()))
                .orElseGet(defaultLanguage);
    }

    private Wording words(Locale language) {
        return TextService.runtimeWording(language, java.time.ZoneOffset.UTC);
    }

    private boolean isExpired(Session session) {
        return session.started().plus(SESSION_LIFETIME).isBefore(clock.instant());
    }
}
