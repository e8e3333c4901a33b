package org.sferum.sdk.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sferum.sdk.Capability;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.attachments.Attachments;
import org.sferum.sdk.calls.CallParticipants;
import org.sferum.sdk.calls.CallRecordings;
import org.sferum.sdk.calls.Calls;
import org.sferum.sdk.chats.Chats;
import org.sferum.sdk.contacts.Contacts;
import org.sferum.sdk.error.UnsupportedCapabilityException;
import org.sferum.sdk.events.Events;
import org.sferum.sdk.links.Links;
import org.sferum.sdk.messages.Messages;
import org.sferum.sdk.notifications.Notifications;

/**
 * A backend as the faces see it: a name and the {@link Capability capabilities} it offers, and the guard that
 * refuses, before anything is sent, every operation whose capability (per {@link OperationTable}) it lacks. The
 * profiles of the known backends are here too, so sdk-core's endpoints and the fake's profiles are the same sets.
 */
public final class Backend {
    /** What the public VK API and VK ID carry (each capability's wire methods are all public: docs/wire/vk-api.md). */
    public static final Set<Capability> VK_API = Collections.unmodifiableSet(EnumSet.of(Capability.BOT_MESSAGING, Capability.MESSAGING,
            Capability.CHAT_ADMIN, Capability.NOTIFICATIONS, Capability.CONTACTS, Capability.ATTACHMENTS,
            Capability.POLLS, Capability.EVENTS, Capability.LINKING));
    /**
     * What the MAX messenger's public Bot API carries for a bot (F-EMB-08, {@code shared/max-api-schema} 0.0.33):
     * messages in the chats the bot is in, photos, videos and files in them (the three-step {@code /uploads}), those
     * chats and their members, and their updates.
     */
    public static final Set<Capability> MAX_BOT_API = Collections.unmodifiableSet(EnumSet.of(
            Capability.BOT_MESSAGING, Capability.ATTACHMENTS, Capability.EVENTS));
    /** What the Sferum partner contract adds to the VK API. */
    public static final Set<Capability> PARTNER = Collections.unmodifiableSet(EnumSet.of(Capability.MESSAGE_REPORTS,
            Capability.CHAT_SETTINGS, Capability.CHAT_LIST_ACTIONS, Capability.CHAT_CALLS, Capability.CALLS_BY_LINK,
            Capability.LESSON_CALLS, Capability.CALL_MANAGEMENT, Capability.RECORDINGS, Capability.ROSTER,
            Capability.SUPPORT));
    /** Everything some backend implements today: the VK API with the partner contract (roster sync is not yet). */
    public static final Set<Capability> IMPLEMENTED;

    static {
        EnumSet<Capability> all = EnumSet.copyOf(VK_API);
        all.addAll(PARTNER);
        IMPLEMENTED = Collections.unmodifiableSet(all);
    }

    /** The sdk-api interfaces whose calls are guarded; a guarded value of one of them is guarded in turn. */
    private static final Set<Class<?>> GUARDED = Set.of(SferumSession.class, Chats.class, Messages.class,
            Attachments.class, Calls.class, CallParticipants.class, CallRecordings.class, Contacts.class,
            Notifications.class, Events.class, Links.class, org.sferum.sdk.account.Account.class,
            org.sferum.sdk.account.Support.class);

    private final String name;
    private final Set<Capability> capabilities;

    private Backend(String name, Set<Capability> capabilities) {
        this.name = Objects.requireNonNull(name, "name");
        this.capabilities = capabilities.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Capability.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(capabilities));
    }

    /**
     * A backend.
     *
     * @param name its name, as {@code Sferum.backend()} answers it
     * @param capabilities what it offers
     * @return the backend
     */
    public static Backend of(String name, Set<Capability> capabilities) {
        return new Backend(name, Objects.requireNonNull(capabilities, "capabilities"));
    }

    /**
     * Returns the backend's name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns what the backend offers.
     *
     * @return an unmodifiable set
     */
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /**
     * Refuses an operation of the table the backend cannot carry.
     *
     * @param operation the operation's key in {@link OperationTable}, such as {@code Sferum.links}
     * @throws UnsupportedCapabilityException if the backend lacks its capability
     */
    public void check(String operation) {
        OperationTable.of(operation).ifPresent(this::require);
    }

    /**
     * Refuses when the backend lacks a capability.
     *
     * @param capability the capability
     * @throws UnsupportedCapabilityException if the backend lacks it
     */
    public void require(Capability capability) {
        if (!capabilities.contains(capability)) {
            throw new UnsupportedCapabilityException(capability, name);
        }
    }

    /**
     * Returns the value with every call checked first, or the value itself when the backend offers everything
     * implemented (nothing to refuse).
     *
     * @param <T> an sdk-api interface
     * @param type the interface
     * @param target the face's implementation
     * @return the guarded value
     */
    public <T> T guard(Class<T> type, T target) {
        Objects.requireNonNull(target, "target");
        if (capabilities.containsAll(IMPLEMENTED) || !GUARDED.contains(type)) {
            return target;
        }
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                new Guard(type, target)));
    }

    @Override
    public String toString() {
        return "Backend[" + name + " " + capabilities + "]";
    }

    /** Checks a call against the table, then hands it to the face; sub-clients it returns are guarded too. */
    private final class Guard implements InvocationHandler {
        private final Class<?> type;
        private final Object target;
        private final Map<Method, Object> subClients = new ConcurrentHashMap<>();

        Guard(Class<?> type, Object target) {
            this.type = type;
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                switch (method.getName()) {
                    case "equals":
                        return proxy == args[0];
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    default:
                        return "Guarded[" + name + "]" + target;
                }
            }
            for (Capability needed : OperationTable.of(type, method, args)) {
                require(needed);
            }
            if (args == null && GUARDED.contains(method.getReturnType())) {
                return subClients.computeIfAbsent(method, m -> guardedResult(m, null));
            }
            return call(method, args);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Object guardedResult(Method method, Object[] args) {
            try {
                return guard((Class) method.getReturnType(), call(method, args));
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        private Object call(Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
