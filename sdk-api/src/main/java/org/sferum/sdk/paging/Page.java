package org.sferum.sdk.paging;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * One page of a list, with the cursor of the next page when there is one.
 *
 * @param items the items of this page, in the list's order
 * @param nextCursor where the next page starts; empty on the last page
 * @param totalCount the size of the whole list when the service tells it
 * @param <T> the item type
 */
public record Page<T>(List<T> items, Optional<PageCursor> nextCursor, OptionalLong totalCount) {
    /**
     * Copies the items.
     *
     * @param items the items of this page, in the list's order
     * @param nextCursor where the next page starts; empty on the last page
     * @param totalCount the size of the whole list when the service tells it
     */
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
        Objects.requireNonNull(totalCount, "totalCount");
    }

    /**
     * Tells whether a next page exists.
     *
     * @return whether {@link #nextCursor()} is present
     */
    public boolean hasNext() {
        return nextCursor.isPresent();
    }

    /**
     * Iterates over every item of this page and the pages after it, fetching each next page lazily when the
     * iteration reaches it.
     *
     * @param first the first page
     * @param next fetches the page that starts at a cursor
     * @param <T> the item type
     * @return an iterable that can be iterated once per call of {@link Iterable#iterator()}, each time from
     *     {@code first}
     */
    public static <T> Iterable<T> autoPaging(Page<T> first, Function<PageCursor, Page<T>> next) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(next, "next");
        return () -> new Iterator<>() {
            private Page<T> page = first;
            private int index;

            @Override
            public boolean hasNext() {
                while (index >= page.items().size()) {
                    if (page.nextCursor().isEmpty()) {
                        return false;
                    }
                    page = next.apply(page.nextCursor().get());
                    index = 0;
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.items().get(index++);
            }
        };
    }
}
