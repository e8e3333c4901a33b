package org.sferum.sdk.testkit.engine;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import org.sferum.sdk.events.SferumEvent;
import org.sferum.sdk.testkit.engine.vkid.VkIdEngine;
import org.sferum.sdk.testkit.engine.vkid.VkIdService;
import org.sferum.sdk.users.UserId;

/**
 * The in-memory model of the platform, where every rule is enforced once: the fake and the emulator both call it.
 * Time comes from the injected {@link Clock} only; timestamps are kept to the second, as the wire carries them. Every
 * operation names the acting user; checks of membership and rights happen in the engine, never in the faces.
 *
 * <p>This class is a thin façade: it creates the shared state and its locks ({@link PlatformState}) and hands out
 * the services, each of which enforces the rules of one domain and lists them, with their feature ids, in its own
 * Javadoc:
 * <ul>
 *   <li>{@link #users()}: users, access tokens, contacts, notification settings ({@link UserDirectory});</li>
 *   <li>{@link #chats()}: chats, membership, administration, the chat list, avatars ({@link ChatService});</li>
 *   <li>{@link #messages()}: sending, history, read state, private replies ({@link MessageService});</li>
 *   <li>{@link #messageActions()}: edit, delete, important marks, reports, pins, search, phantom chats
 *       ({@link MessageActionService});</li>
 *   <li>{@link #attachments()}: uploads, saved items, polls ({@link AttachmentService});</li>
 *   <li>{@link #calls()}: calls ({@link CallService});</li>
 *   <li>{@link #presence()}: who is online ({@link Presence});</li>
 *   <li>{@link #vkId()}: VK ID ({@link VkIdService});</li>
 *   <li>{@link #support()}: help and feedback ({@link SupportService});</li>
 *   <li>{@link #roster()}: roster sync's automatic chats, service accounts, pending people ({@link RosterService});</li>
 *   <li>{@link #subscribe}: events (F-EMB-02), decided by {@link ChatEvents} and the calls' rules.</li>
 * </ul>
 *
 * <p>Thread-safe: message traffic of a group chat runs under the global lock shared and that chat's monitor, so
 * different chats proceed in parallel; everything that spans chats runs under the global lock exclusively. See
 * "Concurrency and ordering" in {@code docs/architecture.md} for the lock order.
 */
public final class PlatformEngine {
    private final PlatformState state;
    private final UserDirectory users;
    private final ChatService chats;
    private final MessageService messages;
    private final MessageActionService messageActions;
    private final AttachmentService attachments;
    private final VkIdEngine vkId;
    private final CallService calls;
    private final RosterService roster;
    private final SupportService support;
    private final Presence presence;

    /**
     * Creates an empty platform.
     *
     * @param clock the clock every time-dependent rule reads
     */
    public PlatformEngine(Clock clock) {
        this(clock, BlobStore.inMemory());
    }

    /**
     * Creates an empty platform that keeps uploaded bytes in the given store.
     *
     * @param clock the clock every time-dependent rule reads
     * @param blobs where the bytes of uploads, attachments and chat images are kept
     */
    public PlatformEngine(Clock clock, BlobStore blobs) {
        this.state = new PlatformState(clock, Objects.requireNonNull(blobs, "blobs"));
        this.users = new UserDirectory(state);
        this.chats = new ChatService(state, blobs);
        this.attachments = new AttachmentService(state);
        this.messages = new MessageService(state, attachments);
        this.messageActions = new MessageActionService(state);
        this.vkId = new VkIdEngine(users);
        this.calls = new CallService(state, chats, messages);
        this.roster = new RosterService(state, users, chats);
        this.support = new SupportService(state);
        this.presence = new Presence(clock);
    }

    /**
     * Returns the engine's clock.
     *
     * @return the clock
     */
    public Clock clock() {
        return state.clock();
    }

    /**
     * Returns the users, their tokens, contacts and notification settings.
     *
     * @return the user directory
     */
    public UserDirectory users() {
        return users;
    }

    /**
     * Returns the chats and their membership.
     *
     * @return the chat service
     */
    public ChatService chats() {
        return chats;
    }

    /**
     * Returns sending and reading messages.
     *
     * @return the message service
     */
    public MessageService messages() {
        return messages;
    }

    /**
     * Returns the actions on sent messages: edit, delete, important marks, reports, pins, search, phantom chats.
     *
     * @return the message action service
     */
    public MessageActionService messageActions() {
        return messageActions;
    }

    /**
     * Returns uploads, attachments and polls.
     *
     * @return the attachment service
     */
    public AttachmentService attachments() {
        return attachments;
    }

    /**
     * Returns VK ID as this platform models it: one per engine, on the engine's clock.
     *
     * @return the VK ID service
     */
    public VkIdService vkId() {
        return vkId;
    }

    /**
     * Returns the calls of this platform (F-CALL-*, F-SECT-02 … F-SECT-04, F-EMB-06, F-EMB-07).
     *
     * @return the calls service
     */
    public CallService calls() {
        return calls;
    }

    /**
     * Returns roster sync's side of the platform (F-EMB-01, F-CHAT-01): the schools' service accounts, their
     * automatic chats, and the people waiting for their link.
     *
     * @return the roster service
     */
    public RosterService roster() {
        return roster;
    }

    /**
     * Returns help and feedback (F-ACC-03).
     *
     * @return the support service
     */
    public SupportService support() {
        return support;
    }

    /**
     * Returns who is online: users active within {@link Presence#ONLINE_WINDOW}.
     *
     * @return the presence
     */
    public Presence presence() {
        return presence;
    }

    /**
     * Delivers a user's events (F-EMB-02) to a sink, called under the engine's lock: the sink must only hand
     * them over (to a queue or another thread) and return.
     *
     * @param user whose events
     * @param sink where they go
     * @return closes the subscription
     */
    public Runnable subscribe(UserId user, Consumer<SferumEvent> sink) {
        return state.subscribe(user, sink);
    }
}
