package org.sferum.sdk.core.roster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sferum.sdk.core.RosterServiceAccounts;
import org.sferum.sdk.core.chats.Permissions;
import org.sferum.sdk.core.wire.ExecuteAnswer;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.core.wire.TokenSource;
import org.sferum.sdk.core.wire.VkApi;
import org.sferum.sdk.core.wire.VkRequest;
import org.sferum.sdk.core.wire.VkResult;
import org.sferum.sdk.error.ErrorCategory;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.roster.ApplyOptions;
import org.sferum.sdk.roster.ApplyResult;
import org.sferum.sdk.roster.AutomaticChatKey;
import org.sferum.sdk.roster.PlanOptions;
import org.sferum.sdk.roster.Roster;
import org.sferum.sdk.roster.RosterChange;
import org.sferum.sdk.roster.RosterPerson;
import org.sferum.sdk.roster.RosterPlan;
import org.sferum.sdk.roster.RosterSnapshot;
import org.sferum.sdk.roster.School;
import org.sferum.sdk.roster.plan.ApplyRun;
import org.sferum.sdk.roster.plan.PlatformChat;
import org.sferum.sdk.roster.plan.PlatformView;
import org.sferum.sdk.roster.plan.RosterPlanner;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * Roster sync over the wire ({@code docs/wire/roster.md}), as each school's service account: the platform's state
 * is read with the partner's {@code roster.getChats} and {@code roster.getLinks}; members are added and removed with
 * VK's public {@code messages.addChatUser} and {@code messages.removeChatUser}, up to
 * {@value #CALLS_PER_EXECUTE} a request through {@code execute}; what VK has no method for goes to the partner
 * contract: {@code messages.createChat} with {@code roster_key} (the chat and its key in one step, so there is never
 * a chat without its key), {@code roster.archiveChat} and {@code roster.setPending}. Every request goes through
 * the client's {@link VkApi}: its per-token rate limit throttles the apply, and VK's errors 6 and 9 are retried
 * with backoff.
 */
public final class WireRoster implements Roster {
    /** The most calls one VK {@code execute} carries. */
    public static final int CALLS_PER_EXECUTE = 25;
    /** The most chats one {@code roster.getChats} page holds. */
    static final int CHATS_PAGE = 1000;
    /** The most accounts one {@code roster.getLinks} names. */
    static final int ACCOUNTS_PER_CALL = 1000;

    private final VkApi api;
    private final RosterServiceAccounts serviceAccounts;
    /** Member changes per {@code execute}; 1 sends each as its own request, without {@code execute}. */
    private final int callsPerExecute;

    /**
     * Creates the roster client, {@value #CALLS_PER_EXECUTE} member changes to an {@code execute}.
     *
     * @param api the client's VK API caller
     * @param serviceAccounts the schools' service account tokens
     */
    public WireRoster(VkApi api, RosterServiceAccounts serviceAccounts) {
        this(api, serviceAccounts, CALLS_PER_EXECUTE);
    }

    /**
     * Creates the roster client with a given number of member changes to an {@code execute}.
     *
     * @param api the client's VK API caller
     * @param serviceAccounts the schools' service account tokens
     * @param callsPerExecute 1 to {@value #CALLS_PER_EXECUTE}; 1 sends each member change as its own request
     *                        ({@code messages.addChatUser} or {@code messages.removeChatUser}), without {@code execute}
     */
    public WireRoster(VkApi api, RosterServiceAccounts serviceAccounts, int callsPerExecute) {
        this.api = Objects.requireNonNull(api, "api");
        this.serviceAccounts = Objects.requireNonNull(serviceAccounts, "service accounts");
        Checks.require(callsPerExecute >= 1 && callsPerExecute <= CALLS_PER_EXECUTE, ErrorCode.INVALID_ARGUMENT,
                "member changes per execute must be 1 to " + CALLS_PER_EXECUTE);
        this.callsPerExecute = callsPerExecute;
    }

    @Override
    public RosterPlan plan(RosterSnapshot snapshot, PlanOptions options) {
        Checks.notNull(snapshot, "snapshot");
        Checks.notNull(options, "plan options");
        Set<String> schools = new LinkedHashSet<>();
        for (School school : snapshot.schools()) {
            schools.add(school.id());
        }
        Set<SchoolAccountId> people = new LinkedHashSet<>();
        for (RosterPerson person : snapshot.people()) {
            people.add(person.id());
        }
        State state = read(schools, people);
        return RosterPlanner.plan(snapshot, PlatformView.of(state.chats, state.users::containsKey), options);
    }

    @Override
    public ApplyResult apply(RosterPlan plan, ApplyOptions options) {
        Checks.notNull(plan, "plan");
        Checks.notNull(options, "apply options");
        return ApplyRun.run(plan, options, new Applier(plan));
    }

    /** The platform as read: the schools' chats, their ids by key, and the linked accounts' users. */
    private static final class State {
        final List<PlatformChat> chats = new ArrayList<>();
        final Map<AutomaticChatKey, Long> chatIds = new HashMap<>();
        final Map<SchoolAccountId, Long> users = new HashMap<>();
    }

    private State read(Set<String> schools, Set<SchoolAccountId> people) {
        State state = new State();
        for (String school : schools) {
            TokenSource token = token(school);
            for (int offset = 0; ; offset += CHATS_PAGE) {
                JsonNode page = api.call(token, VkRequest.idempotent("roster.getChats").param("offset", offset)
                        .param("count", CHATS_PAGE)).response();
                JsonNode items = page.path("items");
                for (JsonNode item : items) {
                    long id = item.path("chat_id").asLong();
                    String keyText = Json.text(item, "roster_key", null);
                    AutomaticChatKey key = keyText == null ? null : AutomaticChatKey.parse(keyText);
                    Set<SchoolAccountId> members = new LinkedHashSet<>();
                    for (JsonNode member : item.path("members")) {
                        members.add(SchoolAccountId.of(member.asText()));
                    }
                    state.chats.add(new PlatformChat(Long.toString(id), key, Json.bool(item, "archived"), members));
                    if (key != null) {
                        state.chatIds.put(key, id);
                    }
                }
                if (items.size() < CHATS_PAGE || offset + CHATS_PAGE >= page.path("count").asLong()) {
                    break;
                }
            }
        }
        if (!schools.isEmpty() && !people.isEmpty()) {
            // any school's service account may ask who is linked
            TokenSource token = token(schools.iterator().next());
            List<SchoolAccountId> chunk = new ArrayList<>(ACCOUNTS_PER_CALL);
            for (SchoolAccountId person : people) {
                chunk.add(person);
                if (chunk.size() == ACCOUNTS_PER_CALL) {
                    readLinks(token, chunk, state);
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                readLinks(token, chunk, state);
            }
        }
        return state;
    }

    private void readLinks(TokenSource token, List<SchoolAccountId> accounts, State state) {
        List<String> names = new ArrayList<>(accounts.size());
        accounts.forEach(a -> names.add(a.value()));
        JsonNode answer = api.call(token, VkRequest.idempotent("roster.getLinks").param("accounts", names))
                .response();
        for (JsonNode item : answer.path("items")) {
            state.users.put(SchoolAccountId.of(item.path("account").asText()), item.path("user_id").asLong());
        }
    }

    private TokenSource token(String schoolId) {
        AccessToken token = serviceAccounts.tokenFor(schoolId);
        return TokenSource.of(Objects.requireNonNull(token, "service account token"));
    }

    /** Applies batches of changes; reads the platform's state once, at the first batch. */
    private final class Applier implements ApplyRun.Target {
        private final RosterPlan plan;
        private State state;

        Applier(RosterPlan plan) {
            this.plan = plan;
        }

        @Override
        public int batchSize() {
            return CALLS_PER_EXECUTE * 4;
        }

        /**
         * Makes the partner changes first, in order (so each chat exists before its members), then the member
         * changes, {@value WireRoster#CALLS_PER_EXECUTE} to an {@code execute} of one school's service account.
         */
        @Override
        public void apply(List<RosterChange> batch, ApplyRun.Outcomes outcomes) {
            if (state == null) {
                state = readFor(plan);
            }
            Members members = new Members(outcomes);
            for (RosterChange change : batch) {
                if (change instanceof RosterChange.AddMember || change instanceof RosterChange.RemoveMember) {
                    continue;
                }
                try {
                    if (partner(change)) {
                        outcomes.applied(change);
                    } else {
                        outcomes.skipped(change);
                    }
                } catch (SferumException e) {
                    fail(outcomes, change, e);
                }
            }
            for (RosterChange change : batch) {
                if (change instanceof RosterChange.AddMember || change instanceof RosterChange.RemoveMember) {
                    members.queue(change);
                }
            }
            members.flush();
        }

        private State readFor(RosterPlan applied) {
            Set<String> schools = new LinkedHashSet<>();
            Set<SchoolAccountId> people = new LinkedHashSet<>();
            applied.changes().forEach(change -> {
                if (change.chat() != null) {
                    schools.add(change.chat().schoolId());
                }
                if (change instanceof RosterChange.AddMember a) {
                    people.add(a.person());
                } else if (change instanceof RosterChange.RemoveMember r) {
                    people.add(r.person());
                }
            });
            return read(schools, people);
        }

        /** Makes a change VK has no method for; tells whether it changed anything. */
        private boolean partner(RosterChange change) {
            if (change instanceof RosterChange.CreateChat c) {
                VkRequest request = VkRequest.idempotent("messages.createChat")
                        .param("title", c.title())
                        .param("permissions", Permissions.toJson(c.settings()))
                        .param("roster_key", c.chat().value());
                c.chatAdmin().ifPresent(admin -> request.param("roster_admin", admin.value()));
                long id = api.call(token(c.chat().schoolId()), request, WireRoster::chatId);
                return state.chatIds.put(c.chat(), id) == null;
            }
            if (change instanceof RosterChange.ArchiveChat a) {
                return flag(api.call(token(a.chat().schoolId()), VkRequest.idempotent("roster.archiveChat")
                        .param("roster_key", a.chat().value())));
            }
            RosterChange.PendingPerson p = (RosterChange.PendingPerson) change;
            Map<String, List<String>> bySchool = new LinkedHashMap<>();
            for (AutomaticChatKey key : p.chats()) {
                bySchool.computeIfAbsent(key.schoolId(), s -> new ArrayList<>()).add(key.value());
            }
            boolean changed = false;
            for (Map.Entry<String, List<String>> school : bySchool.entrySet()) {
                changed |= flag(api.call(token(school.getKey()), VkRequest.idempotent("roster.setPending")
                        .param("account", p.person().value()).param("roster_keys", school.getValue())));
            }
            return changed;
        }

        /** Member changes of one school, sent together through {@code execute}. */
        private final class Members {
            private final ApplyRun.Outcomes outcomes;
            private final List<RosterChange> changes = new ArrayList<>();
            private final List<VkRequest> requests = new ArrayList<>();
            private String school;

            Members(ApplyRun.Outcomes outcomes) {
                this.outcomes = outcomes;
            }

            void queue(RosterChange change) {
                AutomaticChatKey key = change.chat();
                SchoolAccountId person = change instanceof RosterChange.AddMember a ? a.person()
                        : ((RosterChange.RemoveMember) change).person();
                Long chat = state.chatIds.get(key);
                Long user = state.users.get(person);
                if (chat == null) {
                    outcomes.failed(change, new NotFoundException(ErrorCode.CHAT_NOT_FOUND, "there is no automatic"
                            + " chat " + key + " on the platform; plan again"));
                    return;
                }
                if (user == null) {
                    outcomes.failed(change, new NotFoundException(ErrorCode.NOT_LINKED, "school account " + person
                            + " is not linked to VK ID; it is added when it links"));
                    return;
                }
                if (school != null && !school.equals(key.schoolId())) {
                    flush();
                }
                school = key.schoolId();
                changes.add(change);
                requests.add(change instanceof RosterChange.AddMember
                        ? VkRequest.idempotent("messages.addChatUser").param("chat_id", chat).param("user_id", user)
                        : VkRequest.idempotent("messages.removeChatUser").param("chat_id", chat)
                                .param("member_id", user));
                if (requests.size() == callsPerExecute) {
                    flush();
                }
            }

            /** One member change as its own request: its answer, or its refusal as the execute would give it. */
            private ExecuteAnswer alone(VkRequest request) {
                try {
                    return new ExecuteAnswer(request, api.call(token(school), request), null);
                } catch (SferumException e) {
                    if (e.code().category() == ErrorCategory.SERVICE) {
                        throw e; // the platform's own failure stops the apply, as from execute
                    }
                    return new ExecuteAnswer(request, null, e);
                }
            }

            void flush() {
                if (requests.isEmpty()) {
                    return;
                }
                List<ExecuteAnswer> answers = callsPerExecute == 1 ? List.of(alone(requests.get(0)))
                        : api.execute(token(school), List.copyOf(requests));
                for (int i = 0; i < answers.size(); i++) {
                    ExecuteAnswer answer = answers.get(i);
                    if (answer.failure() == null) {
                        outcomes.applied(changes.get(i));
                    } else {
                        fail(outcomes, changes.get(i), answer.failure());
                    }
                }
                changes.clear();
                requests.clear();
                school = null;
            }
        }
    }

    /** A refusal of one change is its failure; an error of the platform itself stops the apply. */
    private static void fail(ApplyRun.Outcomes outcomes, RosterChange change, SferumException e) {
        if (e.code().category() == ErrorCategory.SERVICE) {
            throw e;
        }
        outcomes.failed(change, e);
    }

    private static long chatId(VkResult result) {
        JsonNode response = result.response();
        long id = response.isObject() ? Json.longOr(response, "chat_id", 0) : Json.asLong(response, 0);
        if (id <= 0) {
            throw result.malformed("has no valid chat_id");
        }
        return id;
    }

    private static boolean flag(VkResult result) {
        return result.response().asInt() == 1;
    }
}
