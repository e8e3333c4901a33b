package org.sferum.sdk.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds plugins declared as services, with {@link ServiceLoader} (F-EMB-03). */
final class Plugins {
    private Plugins() {
    }

    /**
     * Finds every implementation of a service.
     *
     * @param type the service
     * @param <T> its type
     * @return the implementations, in the order found
     * @throws IllegalStateException if one cannot be loaded
     */
    static <T> List<T> all(Class<T> type) {
        List<T> found = new ArrayList<>();
        try {
            for (T plugin : ServiceLoader.load(type)) {
                found.add(plugin);
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a " + type.getSimpleName() + " plugin could not be loaded; fix or"
                    + " remove it, or build the client with discoverPlugins(false)", e);
        }
        return found;
    }

    /**
     * Finds the one implementation of a service, if there is one.
     *
     * @param type the service
     * @param builderMethod the builder method that sets one instead, for the message
     * @param <T> its type
     * @return the implementation, or empty when none is declared
     * @throws IllegalStateException if more than one is declared, naming them, or one cannot be loaded
     */
    static <T> Optional<T> single(Class<T> type, String builderMethod) {
        List<T> found = all(type);
        if (found.size() > 1) {
            throw new IllegalStateException("more than one " + type.getSimpleName() + " is declared as a service: "
                    + found.stream().map(p -> p.getClass().getName()).collect(Collectors.joining(", "))
                    + "; remove all but one, or choose one with SferumClient.builder()." + builderMethod);
        }
        return found.stream().findFirst();
    }
}
