package org.jinlin.bench;

import org.jinlin.kernel.community.CommunityCommands.AddCompound;
import org.jinlin.kernel.community.CommunityCommands.ClearDisputeProminent;
import org.jinlin.kernel.community.CommunityCommands.FlagDisputeProminent;
import org.jinlin.kernel.community.CommunityCommands.RegisterCommunity;
import org.jinlin.kernel.community.CommunityCommands.UpdateResidentPopulation;
import org.jinlin.kernel.community.CommunityKind;
import org.jinlin.kernel.mediator.MediatorCommands.AppointMediator;
import org.jinlin.kernel.mediator.MediatorCommands.ChangeEmployment;
import org.jinlin.kernel.mediator.MediatorCommands.RegisterMediator;
import org.jinlin.kernel.mediator.MediatorCommands.RelieveMediator;
import org.jinlin.kernel.mediator.MediatorEmployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A registrar's working day, as commands that are always accepted: communities registered with compounds,
 * populations updated, mediators registered, appointed, relieved and re-appointed. Each worker owns its own
 * communities and mediators, so workers never contend for one aggregate.
 */
final class RegistryWorkload {

    private static final String[] COUNTIES = {"350102", "350203", "350305", "350404", "350582", "350602", "350702",
            "350802", "350902", "350128"};

    private final int worker;
    private final Random random;
    private final List<String> communities = new ArrayList<>();
    private final List<Mediator> mediators = new ArrayList<>();
    private final java.util.Set<String> prominent = new java.util.HashSet<>();
    private int nextCommunity;
    private int nextMediator;
    private int nextCompound;

    private static final class Mediator {
        final String id;
        boolean fullTime;
        String appointedTo;

        Mediator(String id, boolean fullTime) {
            this.id = id;
            this.fullTime = fullTime;
        }
    }

    RegistryWorkload(int worker, long seed) {
        this.worker = worker;
        this.random = new Random(seed + worker);
    }

    /** The next command; the first ones build up communities and mediators to work on. */
    Object next() {
        if (communities.size() < 5 || random.nextInt(100) < 3) {
            return registerCommunity();
        }
        if (mediators.size() < 3 || random.nextInt(100) < 3) {
            return registerMediator();
        }
        int dice = random.nextInt(100);
        if (dice < 15) {
            return new AddCompound(anyCommunity(), "C" + (++nextCompound), "小区" + nextCompound + "号", null);
        }
        if (dice < 40) {
            return new UpdateResidentPopulation(anyCommunity(), 500 + random.nextInt(20_000), null);
        }
        if (dice < 45) {
            String community = anyCommunity();
            return prominent.remove(community)
                    ? new ClearDisputeProminent(community, "纠纷已化解", null)
                    : flag(community);
        }
        Mediator mediator = mediators.get(random.nextInt(mediators.size()));
        if (mediator.appointedTo != null) {
            if (dice < 50) {
                mediator.fullTime = !mediator.fullTime;
                // Switching to part-time and back keeps the single appointment valid.
                return new ChangeEmployment(mediator.id, mediator.fullTime ? MediatorEmployment.FULL_TIME
                                                                           : MediatorEmployment.PART_TIME, null);
            }
            String from = mediator.appointedTo;
            mediator.appointedTo = null;
            return new RelieveMediator(mediator.id, from, "调任其他社区", null);
        }
        mediator.appointedTo = anyCommunity();
        return new AppointMediator(mediator.id, mediator.appointedTo, null);
    }

    private Object flag(String community) {
        prominent.add(community);
        return new FlagDisputeProminent(community, "近三月邻里纠纷较多", null);
    }

    private String anyCommunity() {
        return communities.get(random.nextInt(communities.size()));
    }

    private Object registerCommunity() {
        int n = nextCommunity++;
        String county = COUNTIES[worker % COUNTIES.length];
        String township = String.format("%03d", worker * 10 + n / 999 + 1);
        String code = county + township + String.format("%03d", n % 999 + 1);
        communities.add(code);
        return new RegisterCommunity(code, "近邻社区" + n, random.nextInt(3) == 0 ? CommunityKind.RURAL
                                                                              : CommunityKind.URBAN,
                                     "第" + township + "街道", 800 + random.nextInt(25_000));
    }

    private Object registerMediator() {
        String id = "B" + worker + "-" + (++nextMediator);
        boolean fullTime = random.nextInt(3) == 0;
        mediators.add(new Mediator(id, fullTime));
        return new RegisterMediator(id, "调解员" + worker + "-" + nextMediator,
                                    fullTime ? MediatorEmployment.FULL_TIME : MediatorEmployment.PART_TIME);
    }
}
