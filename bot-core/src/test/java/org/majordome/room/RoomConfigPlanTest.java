package org.majordome.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.Test;
import org.majordome.config.DesiredRoomConfig;
import org.majordome.config.Secret;
import org.majordome.config.WhoCanSeeRealJids;

/** XEP-0045 §10.2: filling the owner's configuration form from the desired settings. */
class RoomConfigPlanTest {

    private static final DesiredRoomConfig DESIRED = new DesiredRoomConfig(Optional.of("Lobby"), Optional.of("Talk"),
            Optional.of(true), Optional.of(true), Optional.of(new Secret("s3cret", "test")),
            Optional.of(WhoCanSeeRealJids.MODERATORS), Optional.of(false), Optional.of(false), Optional.of(50),
            Optional.of(false), Optional.of(20));

    /** Roughly what Prosody 0.12 sends: no passwordprotectedroom, no maxusers. */
    private static DataForm prosodyForm(String title, boolean persistent) {
        return DataForm.builder(DataForm.Type.form)
                .addField(FormField.hiddenBuilder("FORM_TYPE").setValue("http://jabber.org/protocol/muc#roomconfig").build())
                .addField(FormField.textSingleBuilder(RoomConfigPlan.TITLE).setValue(title).build())
                .addField(FormField.textSingleBuilder(RoomConfigPlan.DESCRIPTION).setValue("Talk").build())
                .addField(FormField.booleanBuilder(RoomConfigPlan.PERSISTENT).setValue(persistent).build())
                .addField(FormField.booleanBuilder(RoomConfigPlan.PUBLIC).setValue(true).build())
                .addField(FormField.textPrivateBuilder(RoomConfigPlan.PASSWORD).setValue("s3cret").build())
                .addField(FormField.listSingleBuilder(RoomConfigPlan.WHOIS).setValue("moderators").build())
                .addField(FormField.booleanBuilder(RoomConfigPlan.MEMBERS_ONLY).setValue(false).build())
                .addField(FormField.booleanBuilder(RoomConfigPlan.MODERATED).setValue(false).build())
                .addField(FormField.booleanBuilder(RoomConfigPlan.CHANGE_SUBJECT).setValue(false).build())
                .addField(FormField.textSingleBuilder(RoomConfigPlan.HISTORY_LENGTH).setValue("20").build())
                .build();
    }

    @Test
    void aRoomAsDesiredNeedsNoSubmission() {
        RoomConfigPlan plan = RoomConfigPlan.of(prosodyForm("Lobby", true), DESIRED, false);

        assertThat(plan.hasChanges()).isFalse();
        assertThat(plan.changed()).isEmpty();
    }

    @Test
    void onlyDriftedFieldsAreSubmitted() {
        RoomConfigPlan plan = RoomConfigPlan.of(prosodyForm("Spam paradise", false), DESIRED, false);

        assertThat(plan.changed()).containsExactly("title", "persistent");
        DataForm submitted = plan.toSubmit().orElseThrow();
        assertThat(submitted.getField(RoomConfigPlan.TITLE).getFirstValue()).isEqualTo("Lobby");
        assertThat(submitted.getField(RoomConfigPlan.PERSISTENT).getFirstValue()).isIn("1", "true");
        assertThat(submitted.getField(RoomConfigPlan.DESCRIPTION)).isNull();
        assertThat(submitted.getField("FORM_TYPE")).isNotNull();
    }

    @Test
    void settingsTheServerCannotExpressAreReportedNotSubmitted() {
        RoomConfigPlan plan = RoomConfigPlan.of(prosodyForm("Lobby", true), DESIRED, false);

        assertThat(plan.unsupported()).singleElement().asString().startsWith("max-users");
    }

    @Test
    void aNewRoomGetsEveryDesiredFieldSoTheServerUnlocksIt() {
        RoomConfigPlan plan = RoomConfigPlan.of(prosodyForm("Lobby", true), DESIRED, true);

        assertThat(plan.changed()).contains("title", "description", "persistent", "password", "history-length");
    }

    @Test
    void aListOfAllowedValuesIsRespected() {
        DataForm ejabberdLike = DataForm.builder(DataForm.Type.form)
                .addField(FormField.listSingleBuilder(RoomConfigPlan.MAX_USERS).setValue("200")
                        .addOption(new FormField.Option("20")).addOption(new FormField.Option("200")).build())
                .addField(FormField.booleanBuilder(RoomConfigPlan.PASSWORD_PROTECTED).setValue(false).build())
                .addField(FormField.textPrivateBuilder(RoomConfigPlan.PASSWORD).setValue("").build())
                .build();
        DesiredRoomConfig wants = new DesiredRoomConfig(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(new Secret("pw", "test")), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(20), Optional.empty(), Optional.empty());

        RoomConfigPlan plan = RoomConfigPlan.of(ejabberdLike, wants, false);

        assertThat(plan.changed()).containsExactly("password", "max-users");
        DataForm submitted = plan.toSubmit().orElseThrow();
        assertThat(submitted.getField(RoomConfigPlan.PASSWORD_PROTECTED).getFirstValue()).isIn("1", "true");
        assertThat(submitted.getField(RoomConfigPlan.MAX_USERS).getFirstValue()).isEqualTo("20");

        DesiredRoomConfig impossible = new DesiredRoomConfig(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(33), Optional.empty(), Optional.empty());
        assertThat(RoomConfigPlan.of(ejabberdLike, impossible, false).unsupported())
                .singleElement().asString().contains("offers only [20, 200]");
    }

    /**
     * Regression (a moderated lockdown on ejabberd silenced nobody): ejabberd gives newcomers to a moderated room
     * voice while its own field members_by_default is on, as by default; the overlay keeper asks for it off, and
     * a form without the field (Prosody) is left alone.
     */
    @Test
    void aModeratedLockdownOnEjabberdLeftNewcomersTheirVoice() {
        DesiredRoomConfig moderated = new DesiredRoomConfig(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(true),
                Optional.empty(), Optional.empty(), Optional.empty());
        DataForm ejabberdLike = DataForm.builder(DataForm.Type.form)
                .addField(FormField.booleanBuilder(RoomConfigPlan.MODERATED).setValue(true).build())
                .addField(FormField.booleanBuilder(RoomConfigPlan.MEMBERS_BY_DEFAULT).setValue(true).build())
                .build();

        RoomConfigPlan plan = RoomConfigPlan.of(ejabberdLike, moderated, false, Optional.of(false));

        assertThat(plan.changed()).containsExactly("members-by-default");
        assertThat(plan.toSubmit().orElseThrow().getField(RoomConfigPlan.MEMBERS_BY_DEFAULT).getFirstValue())
                .isIn("0", "false");
        assertThat(RoomConfigPlan.of(prosodyForm("Lobby", true), DESIRED, false, Optional.of(false)).hasChanges())
                .isFalse();
        assertThat(RoomConfigPlan.of(ejabberdLike, moderated, false).hasChanges()).as("configuration checks leave it")
                .isFalse();
    }
}
