package org.sferum.sdk.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.links.Link;
import org.sferum.sdk.spi.LinkStore;
import org.sferum.sdk.spi.PendingLink;
import org.sferum.sdk.users.SchoolAccountId;
import org.sferum.sdk.users.UserId;

/** The default {@link LinkStore}: in memory, one lock. Use {@link LinkStore#inMemory()}. */
public final class InMemoryLinkStore implements LinkStore {
    private final Object lock = new Object();
    private final Map<SchoolAccountId, Link> byAccount = new HashMap<>();
    private final Map<UserId, Link> byUser = new HashMap<>();
    private final Map<String, PendingLink> pending = new HashMap<>();

    /** Creates an empty store. */
    public InMemoryLinkStore() {
    }

    @Override
    public void insert(Link link) {
        Objects.requireNonNull(link, "link");
        synchronized (lock) {
            if (byAccount.containsKey(link.account())) {
                throw new ConflictException(ErrorCode.ACCOUNT_ALREADY_LINKED, "school account "
                        + link.account().value() + " is already linked; unlink it before linking again");
            }
            if (byUser.containsKey(link.user())) {
                throw new ConflictException(ErrorCode.PROFILE_ALREADY_LINKED, "this educational profile is already "
                        + "linked to another account of this school system; unlink that account first");
            }
            byAccount.put(link.account(), link);
            byUser.put(link.user(), link);
        }
    }

    @Override
    public Optional<Link> findByAccount(SchoolAccountId account) {
        synchronized (lock) {
            return Optional.ofNullable(byAccount.get(account));
        }
    }

    @Override
    public Optional<Link> findByUser(UserId user) {
        synchronized (lock) {
            return Optional.ofNullable(byUser.get(user));
        }
    }

    @Override
    public boolean delete(SchoolAccountId account) {
        synchronized (lock) {
            Link removed = byAccount.remove(account);
            if (removed != null) {
                byUser.remove(removed.user());
            }
            return removed != null;
        }
    }

    @Override
    public void savePending(PendingLink link) {
        Objects.requireNonNull(link, "pending link");
        synchronized (lock) {
            if (pending.putIfAbsent(link.state(), link) != null) {
                throw new ConflictException(ErrorCode.CONFLICT, "a linking with this state is already pending");
            }
        }
    }

    @Override
    public Optional<PendingLink> takePending(String state) {
        synchronized (lock) {
            return Optional.ofNullable(pending.remove(state));
        }
    }
}
