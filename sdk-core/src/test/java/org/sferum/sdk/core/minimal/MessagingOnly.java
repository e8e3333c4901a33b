package org.sferum.sdk.core.minimal;

import java.net.URI;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.InviteLink;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.IdTokenKeys;
import org.sferum.sdk.core.InviteQr;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.users.AccessToken;

/**
 * Run by {@link MinimalClassPathTest} in a child JVM whose class path holds sdk-core's required jars only: sends,
 * reads, edits and marks read through the emulator, and reports what the optional features say without their
 * libraries. Prints one line per step; exits 0 only when every step did what it should.
 */
public final class MessagingOnly {
    private MessagingOnly() {
    }

    /**
     * Runs the steps.
     *
     * @param args the emulator's base address, a user's access token, a chat's peer id
     */
    public static void main(String[] args) {
        for (String library : new String[] {"com.google.zxing.qrcode.QRCodeWriter", "com.nimbusds.jwt.SignedJWT",
                "org.slf4j.LoggerFactory"}) {
            try {
                Class.forName(library);
                System.out.println("present " + library);
            } catch (ClassNotFoundException expected) {
                System.out.println("absent " + library);
            }
        }
        ChatId chat = ChatId.of(Long.parseLong(args[2]));
        try (SferumClient client = SferumClient.builder().endpoints(Endpoints.emulator(URI.create(args[0])))
                .application("51000000", URI.create("http://127.0.0.1/sferum/callback"))
                .discoverPlugins(false).build()) {
            SferumSession session = client.session(AccessToken.of(args[1]));
            Message sent = session.messages().send(chat, Draft.text("Домашнее задание: №15"));
            System.out.println("sent " + sent.id().value());
            Message edited = session.messages().edit(chat, sent.id(), "Домашнее задание: №15, №16");
            System.out.println("edited " + edited.text());
            int read = session.messages().history(chat, HistoryQuery.newestFirst(20)).items().size();
            System.out.println("history " + read);
            session.messages().markRead(chat, sent.id());
            System.out.println("marked read");
            System.out.println("qr " + missing(() -> InviteQr.png(new InviteLink("https://vk.me/join/abc"),
                    300)));
            System.out.println("idTokenKeys " + missing(() -> IdTokenKeys.of("{\"keys\":[]}")));
        }
    }

    private static String missing(Runnable action) {
        try {
            action.run();
            return "worked";
        } catch (SferumException e) {
            return e.code() == ErrorCode.MISSING_LIBRARY ? "MISSING_LIBRARY " + e.getMessage() : e.code().name();
        } catch (LinkageError e) {
            return "LinkageError " + e;
        }
    }
}
