package org.sferum.sdk.error;

import java.util.Objects;
import org.sferum.sdk.Capability;

/**
 * Thrown before anything is sent when an operation needs a {@link Capability} the configured backend does not
 * offer, such as a lesson call on the public VK API alone. Ask {@link org.sferum.sdk.Sferum#capabilities()} first
 * to hide what cannot work; see {@code docs/backends.md}.
 */
public class UnsupportedCapabilityException extends SferumException {
    private static final long serialVersionUID = 1L;

    /** The capability the operation needs. */
    private final Capability capability;
    /** The backend's name. */
    private final String backend;

    /**
     * Creates the exception, with a message naming the capability, the backend and what to do.
     *
     * @param capability the capability the operation needs
     * @param backend the name of the configured backend, as {@link org.sferum.sdk.Sferum#backend()} answers it
     */
    public UnsupportedCapabilityException(Capability capability, String backend) {
        super(ErrorCode.UNSUPPORTED_CAPABILITY, message(capability, backend), null, null, null);
        this.capability = capability;
        this.backend = backend;
    }

    /**
     * Returns the capability the operation needs.
     *
     * @return the capability
     */
    public Capability capability() {
        return capability;
    }

    /**
     * Returns the name of the backend that lacks it.
     *
     * @return the backend's name
     */
    public String backend() {
        return backend;
    }

    private static String message(Capability capability, String backend) {
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(backend, "backend");
        String what;
        if (backend.startsWith("MAX")) {
            return "the backend " + backend + " does not offer " + capability + ": a MAX bot posts, reads, edits,"
                    + " deletes and pins messages and sees its chats and their members (BOT_MESSAGING) and receives"
                    + " their updates (EVENTS), but the MAX Bot API has no way to " + maxLacks(capability)
                    + "; use Endpoints.vk() (with withPartner(…) for calls) for that, or hide this feature when"
                    + " Sferum.capabilities() lacks it (see docs/backends.md)";
        }
        switch (capability) {
            case BOT_MESSAGING: case MESSAGING: case CHAT_ADMIN: case NOTIFICATIONS: case CONTACTS: case ATTACHMENTS: case POLLS:
            case EVENTS:
                what = "use a backend that carries the VK API, such as Endpoints.vk()";
                break;
            case LINKING:
                what = "use a backend with VK ID, such as Endpoints.vk(), and set the application on the builder";
                break;
            default:
                what = "it needs the Sferum partner contract: configure it with Endpoints.vk().withPartner(uri,"
                        + " credentials), or hide this feature when Sferum.capabilities() lacks it";
                break;
        }
        return "the backend " + backend + " does not offer " + capability + ": " + what
                + " (see docs/backends.md)";
    }

    /** What a MAX bot cannot do, by capability, for the message. */
    private static String maxLacks(Capability capability) {
        switch (capability) {
            case MESSAGING:
                return "list chats, search, mark messages read or important, reply privately or act as a person";
            case CHAT_ADMIN: case CHAT_SETTINGS:
                return "create a chat or join one by an invite link (this SDK's MAX backend does not manage chats yet)";
            case LINKING:
                return "link a school account to a person: a bot acts only as itself";
            case CHAT_CALLS: case CALLS_BY_LINK: case LESSON_CALLS: case CALL_MANAGEMENT: case RECORDINGS:
                return "start or manage calls, lessons or recordings";
            case ATTACHMENTS:
                return "list a chat's attachments (and this SDK's MAX backend does not upload files yet)";
            default:
                return "do this (" + capability + ")";
        }
    }
}
