package org.majordome.room;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.ListSingleFormField;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.majordome.config.DesiredRoomConfig;
import org.majordome.config.Secret;
import org.majordome.config.WhoCanSeeRealJids;

/**
 * What must change in a room's configuration form (XEP-0045 §10.2, muc#roomconfig) for the room to
 * look as desired. Built from the form the server sent, so that only fields this server offers are
 * filled: servers differ (Prosody has no {@code passwordprotectedroom} or {@code maxusers}, ejabberd
 * offers {@code maxusers} as a fixed list...), and a desired setting with no field is reported as
 * unsupported instead of failing the whole submission.
 *
 * @param toSubmit    the form to submit (only the drifted fields), empty when nothing drifted
 * @param changed     names of the drifted settings, as written in the bot's configuration file
 * @param unsupported desired settings this server's form cannot express, with the reason
 */
public record RoomConfigPlan(Optional<DataForm> toSubmit, List<String> changed, List<String> unsupported) {

    static final String TITLE = "muc#roomconfig_roomname";
    static final String DESCRIPTION = "muc#roomconfig_roomdesc";
    static final String PERSISTENT = "muc#roomconfig_persistentroom";
    static final String PUBLIC = "muc#roomconfig_publicroom";
    static final String PASSWORD = "muc#roomconfig_roomsecret";
    static final String PASSWORD_PROTECTED = "muc#roomconfig_passwordprotectedroom";
    static final String WHOIS = "muc#roomconfig_whois";
    static final String MEMBERS_ONLY = "muc#roomconfig_membersonly";
    static final String MODERATED = "muc#roomconfig_moderatedroom";
    static final String MAX_USERS = "muc#roomconfig_maxusers";
    static final String CHANGE_SUBJECT = "muc#roomconfig_changesubject";
    static final String HISTORY_LENGTH = "muc#roomconfig_historylength";
    /**
     * ejabberd's own field (no {@code muc#roomconfig_} prefix): when on, as by default, newcomers to a moderated
     * room get voice (role participant) instead of the visitor role XEP-0045 §5.1 gives them. Prosody has none.
     */
    static final String MEMBERS_BY_DEFAULT = "members_by_default";

    public RoomConfigPlan {
        changed = List.copyOf(changed);
        unsupported = List.copyOf(unsupported);
    }

    public boolean hasChanges() {
        return toSubmit.isPresent();
    }

    /**
     * @param current the form the room's owner gets from the server
     * @param desired what the configuration file wants
     * @param force   submit every desired field even if it already matches (a just-created room on
     *                Prosody stays locked until its owner submits the form)
     */
    public static RoomConfigPlan of(DataForm current, DesiredRoomConfig desired, boolean force) {
        return of(current, desired, force, Optional.empty());
    }

    /**
     * As {@link #of(DataForm, DesiredRoomConfig, boolean)}, and ejabberd's {@link #MEMBERS_BY_DEFAULT} set to
     * {@code membersByDefault} when present and the form has the field.
     */
    static RoomConfigPlan of(DataForm current, DesiredRoomConfig desired, boolean force,
                             Optional<Boolean> membersByDefault) {
        Builder plan = new Builder(current, force);
        desired.title().ifPresent(title -> plan.text("title", TITLE, title));
        desired.description().ifPresent(description -> plan.text("description", DESCRIPTION, description));
        desired.persistent().ifPresent(persistent -> plan.bool("persistent", PERSISTENT, persistent));
        desired.publicRoom().ifPresent(isPublic -> plan.bool("public", PUBLIC, isPublic));
        desired.password().ifPresent(plan::password);
        desired.whoCanSeeRealJids().ifPresent(whois ->
                plan.text("whois", WHOIS, whois == WhoCanSeeRealJids.ANYONE ? "anyone" : "moderators"));
        desired.membersOnly().ifPresent(membersOnly -> plan.bool("members-only", MEMBERS_ONLY, membersOnly));
        desired.moderated().ifPresent(moderated -> plan.bool("moderated", MODERATED, moderated));
        desired.maxUsers().ifPresent(maxUsers -> plan.text("max-users", MAX_USERS, Integer.toString(maxUsers)));
        desired.occupantsMayChangeSubject().ifPresent(may ->
                plan.bool("occupants-may-change-subject", CHANGE_SUBJECT, may));
        desired.historyLength().ifPresent(length ->
                plan.text("history-length", HISTORY_LENGTH, Integer.toString(length)));
        membersByDefault.filter(value -> current.getField(MEMBERS_BY_DEFAULT) != null)
                .ifPresent(value -> plan.bool("members-by-default", MEMBERS_BY_DEFAULT, value));
        return plan.build();
    }

    private static final class Builder {
        private final DataForm current;
        private final FillableForm form;
        private final boolean force;
        private final List<String> changed = new ArrayList<>();
        private final List<String> unsupported = new ArrayList<>();

        Builder(DataForm current, boolean force) {
            this.current = current;
            this.form = new FillableForm(current);
            this.force = force;
        }

        void text(String setting, String field, String wanted) {
            FormField offered = current.getField(field);
            if (offered == null) {
                unsupported.add(setting + " (no " + field + " field)");
                return;
            }
            if (offered instanceof ListSingleFormField list && !list.getOptions().isEmpty()
                    && list.getOptions().stream().noneMatch(option -> wanted.equals(option.getValueString()))) {
                unsupported.add(setting + " = " + wanted + " (the server offers only "
                        + list.getOptions().stream().map(ListSingleFormField.Option::getValueString).toList() + ")");
                return;
            }
            if (force || !wanted.equals(Objects.requireNonNullElse(offered.getFirstValue(), ""))) {
                form.setAnswer(field, wanted);
                changed.add(setting);
            }
        }

        void bool(String setting, String field, boolean wanted) {
            FormField offered = current.getField(field);
            if (offered == null) {
                unsupported.add(setting + " (no " + field + " field)");
                return;
            }
            if (force || wanted != parseBoolean(offered.getFirstValue())) {
                OwnerForm.answer(form, offered, wanted);
                changed.add(setting);
            }
        }

        void password(Secret password) {
            String wanted = password.reveal();
            FormField secretField = current.getField(PASSWORD);
            if (secretField == null) {
                unsupported.add("password (no " + PASSWORD + " field)");
                return;
            }
            boolean drifted = force || !wanted.equals(Objects.requireNonNullElse(secretField.getFirstValue(), ""));
            FormField protectedField = current.getField(PASSWORD_PROTECTED);
            if (protectedField != null) {
                boolean wantProtected = !wanted.isEmpty();
                if (force || wantProtected != parseBoolean(protectedField.getFirstValue())) {
                    form.setAnswer(PASSWORD_PROTECTED, wantProtected);
                    drifted = true;
                }
            }
            if (drifted) {
                form.setAnswer(PASSWORD, wanted);
                changed.add("password");
            }
        }

        RoomConfigPlan build() {
            return new RoomConfigPlan(changed.isEmpty() ? Optional.empty() : Optional.of(form.getDataFormToSubmit()),
                    changed, unsupported);
        }

        private static boolean parseBoolean(String value) {
            return "1".equals(value) || "true".equalsIgnoreCase(value);
        }
    }
}
