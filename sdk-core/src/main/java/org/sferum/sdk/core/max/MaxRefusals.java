package org.sferum.sdk.core.max;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.sferum.sdk.Capability;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.error.UnsupportedCapabilityException;
import org.sferum.sdk.internal.OperationTable;

/**
 * The parts of a session the MAX Bot API does not carry: each operation throws
 * {@link UnsupportedCapabilityException} naming the capability it needs ({@link OperationTable}) and the backend.
 * The session's guard refuses them first; these stand behind it so that nothing reaches the wire either way.
 */
final class MaxRefusals {
    private MaxRefusals() {
    }

    /**
     * A part that refuses every operation.
     *
     * @param type the part's interface
     * @param <T> the part's type
     * @return the part
     */
    static <T> T part(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(type, proxy, method, args);
            }
            String operation = type.getSimpleName() + "." + method.getName();
            if (OperationTable.of(operation).isEmpty() && method.getReturnType().isInterface()) {
                return part(method.getReturnType()); // a sub-part, such as Calls.participants(): refuses in turn
            }
            throw refusal(operation);
        }));
    }

    /**
     * The refusal of one operation, naming the capability it needs and the backend.
     *
     * @param operation the operation, such as {@code Chats.create}
     * @return the exception to throw
     */
    static UnsupportedCapabilityException refusal(String operation) {
        return new UnsupportedCapabilityException(OperationTable.of(operation).orElse(Capability.MESSAGING),
                Endpoints.MAX_BACKEND);
    }

    private static Object objectMethod(Class<?> type, Object proxy, Method method, Object[] args) {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            default:
                return "Max" + type.getSimpleName() + "[refused]";
        }
    }
}
