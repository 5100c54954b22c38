package org.majordome.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jivesoftware.smackx.formtypes.FormFieldRegistry;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.majordome.api.admin.AdminCommand;
import org.majordome.api.admin.AdminField;
import org.majordome.api.text.Wording;
import org.majordome.text.TextService;

/**
 * The XEP-0004 forms of the administration commands: the form the bot sends, and the reading of what a
 * client submits back, against that form.
 *
 * <p>Every form carries a {@code FORM_TYPE} (XEP-0068) whose field types are registered with Smack's
 * {@link FormFieldRegistry}: a client may submit fields without their {@code type} (XEP-0004 §3.2 lets it),
 * and Smack then types them by that registry instead of guessing {@code text-single}, which failed on a
 * two-line announcement and dropped the whole request. The registry is global and refuses a second type for
 * a field of a registered form type, so a command whose fields changed kind (the room chooser becomes a JID
 * field when the bot keeps no room) gets a form type of its own for that shape.
 */
final class AdminForms {

    static final String FORM_TYPE_PREFIX = "urn:x-majordome:admin:";
    /** How to run or cancel the command, in English (the runtime's bundle, {@code admin.form.how-to-run}). */
    static final String HOW_TO_RUN = english().format("admin.form.how-to-run");

    /** A submission the bot cannot read; its message goes back to the client in a stanza error. */
    static final class MalformedSubmission extends Exception {
        MalformedSubmission(String message) {
            super(message);
        }
    }

    private AdminForms() {
    }

    private static Wording english() {
        return TextService.runtimeWording(Locale.ENGLISH, ZoneOffset.UTC);
    }

    /** The form asking for the command's fields, in English. */
    static DataForm form(AdminCommand command, List<AdminField> fields) {
        return form(command, fields, Locale.ENGLISH, english());
    }

    /**
     * The form asking for the command's fields, its field types registered under its form type: its title and
     * instructions in {@code language}, the runtime's words in {@code words} (the same language).
     */
    static DataForm form(AdminCommand command, List<AdminField> fields, Locale language, Wording words) {
        DataForm.Builder form = DataForm.builder(DataForm.Type.form).setTitle(command.name(language))
                .setFormType(formType(command.node(), fields));
        String instructions = command.instructions(language).strip();
        if (!instructions.isEmpty()) {
            form.addInstruction(instructions);
        }
        form.addInstruction(words.format("admin.form.how-to-run"));
        for (AdminField field : fields) {
            FormField.Builder<?, ?> builder = switch (field.kind()) {
                case TEXT -> FormField.textSingleBuilder(field.name());
                case MULTILINE_TEXT -> FormField.textMultiBuilder(field.name());
                case JID -> FormField.jidSingleBuilder(field.name());
                case CHOICE -> {
                    var choice = FormField.listSingleBuilder(field.name());
                    // A label on every option: Profanity shows "(null)" for an option without one.
                    field.choices().forEach(value -> choice.addOption(new FormField.Option(value, value)));
                    yield choice;
                }
            };
            // No default values: Smack 4.4.8 clients throw on required fields that carry one (Smack PR 575).
            form.addField(builder.setLabel(field.label()).setRequired(field.required()).build());
        }
        return form.build();
    }

    static FormField.Type typeOf(AdminField.Kind kind) {
        return switch (kind) {
            case TEXT -> FormField.Type.text_single;
            case MULTILINE_TEXT -> FormField.Type.text_multi;
            case JID -> FormField.Type.jid_single;
            case CHOICE -> FormField.Type.list_single;
        };
    }

    /**
     * The form type of a command's form of this shape, registered with Smack: {@code urn:x-majordome:admin:<node>},
     * or, when that one is registered already with other field types, one suffixed with a digest of the shape.
     */
    static String formType(String node, List<AdminField> fields) {
        synchronized (AdminForms.class) {
            String plain = FORM_TYPE_PREFIX + node;
            String formType = fitsRegistered(plain, fields) ? plain : plain + ":" + digest(fields);
            fields.forEach(field -> FormFieldRegistry.register(formType, field.name(), typeOf(field.kind())));
            return formType;
        }
    }

    private static boolean fitsRegistered(String formType, List<AdminField> fields) {
        return fields.stream().allMatch(field -> {
            FormField.Type registered = FormFieldRegistry.lookup(formType, field.name());
            return registered == null || registered == typeOf(field.kind());
        });
    }

    private static String digest(List<AdminField> fields) {
        StringBuilder shape = new StringBuilder();
        fields.forEach(field -> shape.append(field.name()).append('=').append(typeOf(field.kind())).append(';'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(shape.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The answers of a submitted form, read against the fields the bot asked: by field name, whatever type
     * the client gave (or omitted), lines of a multi-line field joined with newlines, empty answers left out.
     * Fields the bot did not ask are ignored (XEP-0004 §3.2).
     *
     * @param submitted the submitted form, or {@code null} when the client sent none
     * @throws MalformedSubmission when the submission answers another form, or gives several values to a
     *                             field that takes one
     */
    static Map<String, String> answers(String formType, List<AdminField> fields, DataForm submitted)
            throws MalformedSubmission {
        return answers(formType, fields, submitted, english());
    }

    /** {@link #answers(String, List, DataForm)}, what is wrong said in {@code words}' language. */
    static Map<String, String> answers(String formType, List<AdminField> fields, DataForm submitted, Wording words)
            throws MalformedSubmission {
        Map<String, String> answers = new LinkedHashMap<>();
        if (submitted == null) {
            return answers;
        }
        String echoed = submitted.getFormType();
        if (echoed != null && !echoed.equals(formType)) {
            throw new MalformedSubmission(words.format("admin.error.form-type", echoed, formType));
        }
        for (AdminField field : fields) {
            FormField answer = submitted.getField(field.name());
            if (answer == null) {
                continue;
            }
            List<String> values = new ArrayList<>(answer.getValuesAsString());
            if (field.kind() != AdminField.Kind.MULTILINE_TEXT) {
                values.removeIf(String::isBlank);
                if (values.size() > 1) {
                    throw new MalformedSubmission(words.format("admin.error.several-values", field.label(),
                            field.name(), typeOf(field.kind()).toString(), values.size()));
                }
            }
            String value = String.join("\n", values).strip();
            if (!value.isEmpty()) {
                answers.put(field.name(), value);
            }
        }
        return answers;
    }
}
