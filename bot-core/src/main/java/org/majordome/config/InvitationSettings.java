package org.majordome.config;

import java.util.List;
import java.util.Set;

import org.jxmpp.jid.EntityBareJid;

/**
 * What the bot does with invitations to rooms (XEP-0045 §7.8 mediated, XEP-0249 direct): the {@code invitations:}
 * section. The rooms it joins so, and those an administrator joins it to with the ad-hoc {@code join} command, run
 * {@link #plugins()}.
 *
 * @param alsoFrom            bare JIDs who may invite the bot besides the bot admins ({@code accept-from})
 * @param plugins             the plugins enabled in rooms the bot was invited to or told to join, by id
 * @param keepAcrossRestarts  whether invited rooms are stored and joined again after a restart
 *                            ({@code keep: across-restarts}), or kept only until the bot stops ({@code until-stop})
 */
public record InvitationSettings(Set<EntityBareJid> alsoFrom, List<String> plugins, boolean keepAcrossRestarts) {

    public InvitationSettings {
        alsoFrom = Set.copyOf(alsoFrom);
        plugins = List.copyOf(plugins);
    }

    /** Without the section: bot admins may invite, invited rooms run no plugin and are kept until the bot stops. */
    public static InvitationSettings defaults() {
        return new InvitationSettings(Set.of(), List.of(), false);
    }
}
