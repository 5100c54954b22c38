package org.majordome.room;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smackx.muc.packet.MUCOwner;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.EntityBareJid;

/** A room's owner configuration form (XEP-0045 §10.2): fetching it, answering it, submitting it. */
final class OwnerForm {

    private OwnerForm() {
    }

    /** The form the room sends its owner, or {@code null} when the answer carries none. */
    static DataForm fetch(XMPPConnection connection, EntityBareJid room) throws SmackException.NoResponseException,
            XMPPException.XMPPErrorException, SmackException.NotConnectedException, InterruptedException {
        MUCOwner request = new MUCOwner();
        request.setTo(room);
        request.setType(IQ.Type.get);
        return DataForm.from(connection.sendIqRequestAndWaitForResponse(request));
    }

    static void submit(XMPPConnection connection, EntityBareJid room, DataForm form)
            throws SmackException.NoResponseException, XMPPException.XMPPErrorException,
            SmackException.NotConnectedException, InterruptedException {
        MUCOwner submission = new MUCOwner();
        submission.setTo(room);
        submission.setType(IQ.Type.set);
        submission.addExtension(form);
        connection.sendIqRequestAndWaitForResponse(submission);
    }

    /** Answers a yes/no setting as the server typed it: a boolean field, or a list of "1"/"0" (some servers). */
    static void answer(FillableForm form, FormField offered, boolean wanted) {
        if (offered.getType() == FormField.Type.bool) {
            form.setAnswer(offered.getFieldName(), wanted);
        } else {
            form.setAnswer(offered.getFieldName(), wanted ? "1" : "0");
        }
    }
}
