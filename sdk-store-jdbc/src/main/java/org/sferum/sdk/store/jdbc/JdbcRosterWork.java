package org.sferum.sdk.store.jdbc;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.sferum.sdk.chats.ChatAction;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.PermissionLevel;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.roster.ApplyOptions;
import org.sferum.sdk.roster.ApplyResult;
import org.sferum.sdk.roster.AutomaticChatKey;
import org.sferum.sdk.roster.Roster;
import org.sferum.sdk.roster.RosterChange;
import org.sferum.sdk.roster.RosterPlan;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * A roster plan applied by several nodes together, with its progress checkpointed in the database (F-EMB-01):
 * {@link #publish} stores the plan as <b>work items</b> (one per chat: its creation, members and archiving, in
 * order; pending people in groups), and every node runs {@link #work} on the same run. A node takes a few items
 * with {@code SELECT … FOR UPDATE SKIP LOCKED}, applies them through its {@link Roster} while it holds their rows,
 * and marks them done in the same transaction; so no item is applied by two nodes, and an apply that stopped (a
 * platform error, a node that died) leaves its items to do, to be taken again by {@link #work} — the items done
 * before are not repeated. An item taken again after a node died mid-item may repeat that item's first changes;
 * they are idempotent on the platform (a chat is created by its key, adding a member twice changes nothing).
 *
 * <p>Tables (created on first use): {@code <prefix>roster_runs} and {@code <prefix>roster_work}. Needs a database
 * with {@code SKIP LOCKED}: PostgreSQL 9.5 or later (H2 2.x accepts it too).
 *
 * <pre>{@code
 * JdbcRosterWork work = JdbcRosterWork.on(dataSource, "sferum_");
 * work.publish("nightly-2026-10-01", plan);                      // once; again is a no-op
 * ApplyResult mine = work.work("nightly-2026-10-01", sferum.roster(), ApplyOptions.defaults()); // on each node
 * }</pre>
 */
public final class JdbcRosterWork {
    /** Items a node takes in one transaction. */
    static final int ITEMS_PER_TAKE = 4;
    /** Pending people in one work item. */
    static final int PENDING_PER_ITEM = 200;
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern RUN = Pattern.compile("[\\x21-\\x7e]{1,128}");

    private final DataSource dataSource;
    private final String runs;
    private final String work;

    private JdbcRosterWork(DataSource dataSource, String prefix) {
        this.dataSource = dataSource;
        this.runs = prefix + "roster_runs";
        this.work = prefix + "roster_work";
    }

    /**
     * Opens the work tables, creating them if needed.
     *
     * @param dataSource the database every node shares
     * @param tablePrefix 1 to 40 characters: a lower-case letter, then lower-case letters, digits or {@code _}
     * @return the work
     * @throws ValidationException with {@code INVALID_ARGUMENT} for a bad prefix
     * @throws org.sferum.sdk.error.ServiceException when the database fails
     */
    public static JdbcRosterWork on(DataSource dataSource, String tablePrefix) {
        Objects.requireNonNull(dataSource, "data source");
        if (tablePrefix == null || !PREFIX.matcher(tablePrefix).matches()) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "the table prefix must be a lower-case letter,"
                    + " then up to 39 lower-case letters, digits or _");
        }
        JdbcRosterWork w = new JdbcRosterWork(dataSource, tablePrefix);
        w.createTables();
        return w;
    }

    private void createTables() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + runs + " (run_id VARCHAR(128) PRIMARY KEY, year_id VARCHAR(256),"
                    + " items INTEGER NOT NULL, changes BIGINT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS " + work + " (run_id VARCHAR(128) NOT NULL, seq INTEGER NOT NULL,"
                    + " payload TEXT NOT NULL, done BOOLEAN NOT NULL, node VARCHAR(128), PRIMARY KEY (run_id, seq))");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw Db.failure("creating the roster work tables", e);
        }
    }

    /**
     * Stores a plan as the work items of a run. Publishing a run that exists changes nothing (so every node may
     * call it, and a restarted job resumes the run it published before).
     *
     * @param runId the run's name, 1 to 128 printable ASCII characters (say, the sync's date)
     * @param plan the plan, not blocked
     * @return whether the run was new
     * @throws ValidationException with {@code INVALID_ROSTER} for a blocked plan
     */
    public boolean publish(String runId, RosterPlan plan) {
        checkRun(runId);
        Objects.requireNonNull(plan, "plan");
        if (plan.blocked()) {
            throw new ValidationException(ErrorCode.INVALID_ROSTER, "the plan is blocked by invalid rows: nothing to"
                    + " publish; fix them or plan with PlanOptions.skippingInvalid()");
        }
        List<String> items = items(plan);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + runs
                        + " (run_id, year_id, items, changes) VALUES (?, ?, ?, ?)")) {
                    insert.setString(1, runId);
                    insert.setString(2, plan.yearId());
                    insert.setInt(3, items.size());
                    insert.setLong(4, plan.size());
                    insert.executeUpdate();
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + work
                        + " (run_id, seq, payload, done) VALUES (?, ?, ?, FALSE)")) {
                    for (int i = 0; i < items.size(); i++) {
                        insert.setString(1, runId);
                        insert.setInt(2, i);
                        insert.setString(3, items.get(i));
                        insert.addBatch();
                        if (i % 500 == 499) {
                            insert.executeBatch();
                        }
                    }
                    insert.executeBatch();
                }
                c.commit();
                return true;
            } catch (SQLException e) {
                c.rollback();
                if (Db.isUniqueViolation(e)) {
                    return false;
                }
                throw e;
            }
        } catch (SQLException e) {
            throw Db.failure("publishing the roster run", e);
        }
    }

    /**
     * Applies the run's items that are left, taking them a few at a time until none is left, alongside any other
     * node doing the same. Returns when the run is done (or cancelled); a platform error stops this node, leaving
     * the items it held to do, and is thrown.
     *
     * @param runId the run
     * @param roster where to apply (the SDK's roster of this node)
     * @param options progress (per taken group of items), cancellation, dry run
     * @param node this node's name, kept with each item it did
     * @return what this node applied, skipped and failed
     * @throws org.sferum.sdk.error.SferumException from the platform; what this node marked done stays done
     */
    public ApplyResult work(String runId, Roster roster, ApplyOptions options, String node) {
        checkRun(runId);
        Objects.requireNonNull(roster, "roster");
        Objects.requireNonNull(options, "options");
        String yearId = yearOf(runId);
        long applied = 0;
        long skipped = 0;
        long failed = 0;
        List<ApplyResult.Failure> failures = new ArrayList<>();
        while (!options.cancellation().isCancelled()) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                List<Integer> taken = new ArrayList<>();
                List<RosterChange> changes = new ArrayList<>();
                try (PreparedStatement select = c.prepareStatement("SELECT seq, payload FROM " + work
                        + " WHERE run_id = ? AND done = FALSE ORDER BY seq LIMIT " + ITEMS_PER_TAKE
                        + " FOR UPDATE SKIP LOCKED")) {
                    select.setString(1, runId);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            taken.add(rows.getInt(1));
                            changes.addAll(decode(rows.getString(2)));
                        }
                    }
                }
                if (taken.isEmpty()) {
                    c.rollback();
                    break;
                }
                ApplyResult part;
                try {
                    part = roster.apply(new RosterPlan(yearId, new RosterPlan.Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                            changes, List.of(), false), options);
                } catch (RuntimeException e) {
                    c.rollback(); // the items stay to do
                    throw e;
                }
                if (!options.dryRun() && !part.cancelled()) {
                    try (PreparedStatement done = c.prepareStatement("UPDATE " + work
                            + " SET done = TRUE, node = ? WHERE run_id = ? AND seq = ?")) {
                        for (int seq : taken) {
                            done.setString(1, node);
                            done.setString(2, runId);
                            done.setInt(3, seq);
                            done.addBatch();
                        }
                        done.executeBatch();
                    }
                }
                c.commit();
                applied += part.applied();
                skipped += part.skipped();
                failed += part.failed();
                failures.addAll(part.failures());
                if (options.dryRun() || part.cancelled()) {
                    return new ApplyResult(applied, skipped, failed, part.cancelled(), failures);
                }
            } catch (SQLException e) {
                throw Db.failure("taking roster work", e);
            }
        }
        return new ApplyResult(applied, skipped, failed, options.cancellation().isCancelled(), failures);
    }

    /**
     * Counts a run's items left to do.
     *
     * @param runId the run
     * @return the items not done yet
     */
    public int remaining(String runId) {
        checkRun(runId);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM " + work + " WHERE run_id = ? AND done = FALSE")) {
            s.setString(1, runId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw Db.failure("counting roster work", e);
        }
    }

    /**
     * Returns which node did each item of a run that is done, by item.
     *
     * @param runId the run
     * @return the node of each done item
     */
    public Map<Integer, String> doneBy(String runId) {
        checkRun(runId);
        Map<Integer, String> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT seq, node FROM " + work + " WHERE run_id = ? AND done = TRUE ORDER BY seq")) {
            s.setString(1, runId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getInt(1), r.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Db.failure("reading roster work", e);
        }
    }

    private String yearOf(String runId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT year_id FROM " + runs + " WHERE run_id = ?")) {
            s.setString(1, runId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new org.sferum.sdk.error.NotFoundException(ErrorCode.NOT_FOUND, "no roster run " + runId + " was published");
                }
                return r.getString(1);
            }
        } catch (SQLException e) {
            throw Db.failure("reading the roster run", e);
        }
    }

    private static void checkRun(String runId) {
        if (runId == null || !RUN.matcher(runId).matches()) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "a run id is 1 to 128 printable ASCII"
                    + " characters");
        }
    }

    // ---- items: one per chat, pending people in groups; one change a line, fields URL-encoded ----

    static List<String> items(RosterPlan plan) {
        Map<AutomaticChatKey, StringBuilder> byChat = new LinkedHashMap<>();
        List<String> pending = new ArrayList<>();
        StringBuilder group = new StringBuilder();
        int inGroup = 0;
        for (RosterChange change : (Iterable<RosterChange>) plan.changes()::iterator) {
            if (change instanceof RosterChange.PendingPerson) {
                group.append(encode(change)).append('\n');
                if (++inGroup == PENDING_PER_ITEM) {
                    pending.add(group.toString());
                    group.setLength(0);
                    inGroup = 0;
                }
            } else {
                byChat.computeIfAbsent(change.chat(), k -> new StringBuilder()).append(encode(change)).append('\n');
            }
        }
        if (inGroup > 0) {
            pending.add(group.toString());
        }
        List<String> out = new ArrayList<>(byChat.size() + pending.size());
        byChat.values().forEach(b -> out.add(b.toString()));
        out.addAll(pending);
        return out;
    }

    static String encode(RosterChange change) {
        if (change instanceof RosterChange.CreateChat c) {
            return "C " + f(c.chat().value()) + " " + f(c.title()) + " " + f(c.admin() == null ? "" : c.admin().value())
                    + " " + f(settings(c.settings()));
        }
        if (change instanceof RosterChange.AddMember a) {
            return "A " + f(a.chat().value()) + " " + f(a.person().value());
        }
        if (change instanceof RosterChange.RemoveMember r) {
            return "R " + f(r.chat().value()) + " " + f(r.person().value());
        }
        if (change instanceof RosterChange.ArchiveChat a) {
            return "X " + f(a.chat().value());
        }
        RosterChange.PendingPerson p = (RosterChange.PendingPerson) change;
        StringBuilder line = new StringBuilder("P ").append(f(p.person().value()));
        p.chats().forEach(k -> line.append(' ').append(f(k.value())));
        return line.toString();
    }

    static List<RosterChange> decode(String payload) {
        List<RosterChange> out = new ArrayList<>();
        for (String line : payload.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] p = line.split(" ", -1);
            switch (p[0]) {
                case "C":
                    out.add(new RosterChange.CreateChat(key(p[1]), u(p[2]),
                            u(p[3]).isEmpty() ? null : SchoolAccountId.of(u(p[3])), settings(u(p[4]))));
                    break;
                case "A":
                    out.add(new RosterChange.AddMember(key(p[1]), SchoolAccountId.of(u(p[2]))));
                    break;
                case "R":
                    out.add(new RosterChange.RemoveMember(key(p[1]), SchoolAccountId.of(u(p[2]))));
                    break;
                case "X":
                    out.add(new RosterChange.ArchiveChat(key(p[1])));
                    break;
                case "P":
                    List<AutomaticChatKey> keys = new ArrayList<>();
                    for (int i = 2; i < p.length; i++) {
                        keys.add(key(p[i]));
                    }
                    out.add(new RosterChange.PendingPerson(SchoolAccountId.of(u(p[1])), keys));
                    break;
                default:
                    throw new IllegalStateException("unknown roster work line kind " + p[0]);
            }
        }
        return out;
    }

    private static AutomaticChatKey key(String field) {
        return AutomaticChatKey.parse(u(field));
    }

    private static String settings(ChatSettings settings) {
        StringBuilder out = new StringBuilder(settings.onlyAdminsWrite() ? "admins-write" : "all-write");
        settings.levels().forEach((action, level) -> out.append(',').append(action.name()).append('=')
                .append(level.name()));
        return out.toString();
    }

    private static ChatSettings settings(String text) {
        String[] parts = text.split(",");
        Map<ChatAction, PermissionLevel> levels = new EnumMap<>(ChatAction.class);
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            levels.put(ChatAction.valueOf(kv[0]), PermissionLevel.valueOf(kv[1]));
        }
        return new ChatSettings(levels, "admins-write".equals(parts[0]));
    }

    private static String f(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String u(String field) {
        return URLDecoder.decode(field, StandardCharsets.UTF_8);
    }
}
