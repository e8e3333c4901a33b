package org.sferum.sdk.testkit.fake;

import java.lang.reflect.Proxy;

/** Builds sub-clients whose capability a later issue delivers: every call says so. Listed in docs/status.md. */
final class Unsupported {
    private Unsupported() {
    }

    static <T> T of(Class<T> type, String deliveredBy) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            switch (method.getName()) {
                case "toString":
                    return "Unsupported[" + type.getSimpleName() + "]";
                case "hashCode":
                    return System.identityHashCode(self);
                case "equals":
                    return self == args[0];
                default:
                    throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName()
                            + " is not implemented yet: it arrives with " + deliveredBy + " (see docs/status.md)");
            }
        });
        return type.cast(proxy);
    }
}
