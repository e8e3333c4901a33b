package org.sferum.sdk.testkit.fake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.roster.ApplyOptions;
import org.sferum.sdk.roster.ApplyResult;
import org.sferum.sdk.roster.AutomaticChatKey;
import org.sferum.sdk.roster.PlanOptions;
import org.sferum.sdk.roster.Roster;
import org.sferum.sdk.roster.RosterChange;
import org.sferum.sdk.roster.RosterPlan;
import org.sferum.sdk.roster.RosterSnapshot;
import org.sferum.sdk.roster.plan.ApplyRun;
import org.sferum.sdk.roster.plan.RosterPlanner;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.testkit.engine.RosterService;

/**
 * The fake's roster sync: plans against the engine's {@link RosterService#view() view} and applies each change
 * through the engine's {@link RosterService} as the school's service account, where every rule is enforced.
 */
final class FakeRoster implements Roster {
    private final PlatformEngine engine;

    FakeRoster(PlatformEngine engine) {
        this.engine = engine;
    }

    @Override
    public RosterPlan plan(RosterSnapshot snapshot, PlanOptions options) {
        Checks.notNull(snapshot, "snapshot");
        Checks.notNull(options, "plan options");
        return RosterPlanner.plan(snapshot, engine.roster().view(), options);
    }

    @Override
    public ApplyResult apply(RosterPlan plan, ApplyOptions options) {
        Checks.notNull(plan, "plan");
        Checks.notNull(options, "apply options");
        return ApplyRun.run(plan, options, this::applyBatch);
    }

    private void applyBatch(List<RosterChange> batch, ApplyRun.Outcomes outcomes) {
        RosterService roster = engine.roster();
        for (RosterChange change : batch) {
            try {
                boolean changed = applyOne(roster, change);
                if (changed) {
                    outcomes.applied(change);
                } else {
                    outcomes.skipped(change);
                }
            } catch (SferumException e) {
                if (e.code().category() == org.sferum.sdk.error.ErrorCategory.SERVICE) {
                    throw e;
                }
                outcomes.failed(change, e);
            }
        }
    }

    private boolean applyOne(RosterService roster, RosterChange change) {
        if (change instanceof RosterChange.CreateChat c) {
            return roster.createChat(service(c.chat().schoolId()), c.chat(), c.title(), c.admin(), c.settings());
        }
        if (change instanceof RosterChange.AddMember a) {
            return roster.addMember(service(a.chat().schoolId()), a.chat(), a.person());
        }
        if (change instanceof RosterChange.RemoveMember r) {
            return roster.removeMember(service(r.chat().schoolId()), r.chat(), r.person());
        }
        if (change instanceof RosterChange.ArchiveChat a) {
            return roster.archive(service(a.chat().schoolId()), a.chat());
        }
        RosterChange.PendingPerson p = (RosterChange.PendingPerson) change;
        Map<String, List<AutomaticChatKey>> bySchool = new LinkedHashMap<>();
        for (AutomaticChatKey key : p.chats()) {
            bySchool.computeIfAbsent(key.schoolId(), s -> new ArrayList<>()).add(key);
        }
        boolean changed = false;
        for (Map.Entry<String, List<AutomaticChatKey>> school : bySchool.entrySet()) {
            changed |= roster.setPending(service(school.getKey()), p.person(), school.getValue());
        }
        return changed;
    }

    private org.sferum.sdk.users.UserId service(String schoolId) {
        return engine.roster().serviceAccount(schoolId);
    }
}
