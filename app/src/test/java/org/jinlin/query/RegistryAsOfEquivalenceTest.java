package org.jinlin.query;

import org.jinlin.kernel.community.CommunityDisputeProminenceCleared;
import org.jinlin.kernel.community.CommunityFlaggedDisputeProminent;
import org.jinlin.kernel.community.CommunityKind;
import org.jinlin.kernel.community.CommunityRegistered;
import org.jinlin.kernel.community.CompoundAdded;
import org.jinlin.kernel.community.ResidentPopulationUpdated;
import org.jinlin.kernel.directory.DirectoryQueries.FindCommunity;
import org.jinlin.kernel.directory.DirectoryQueries.FindMediator;
import org.jinlin.kernel.directory.DirectoryQueries.ListCommunities;
import org.jinlin.kernel.directory.DirectoryQueries.ListMediators;
import org.jinlin.kernel.mediator.MediatorAppointed;
import org.jinlin.kernel.mediator.MediatorEmployment;
import org.jinlin.kernel.mediator.MediatorEmploymentChanged;
import org.jinlin.kernel.mediator.MediatorRegistered;
import org.jinlin.kernel.mediator.MediatorRelieved;
import org.jinlin.kernel.ratio.MediatorRatioQueries.FindMediatorGaps;
import org.jinlin.kernel.ratio.MediatorRatioQueries.FindMediatorRatios;
import org.jinlin.query.directory.DirectoryProjection;
import org.jinlin.query.ratio.MediatorRatioProjection;
import org.jinlin.query.ratio.MediatorRatioProperties;
import org.jinlin.query.readmodel.Generations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answer of a read model "as of" an instant equals the answer of the same read model rebuilt from scratch
 * from only the events recorded up to that instant: checked at several instants (between events and exactly at
 * an event's time) over a random but valid registrar history, for every query of the mediator ratios and the
 * directory.
 */
@JdbcTest
class RegistryAsOfEquivalenceTest {

    private static final List<String> COMMUNITIES = List.of("350802001001", "350802001002", "350881002003",
                                                            "350128100201", "350102001004", "350102001005");

    @Autowired
    JdbcTemplate jdbc;

    private record Timed(Object event, Instant at) {
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 11, 23})
    void asOfAnswersEqualARebuildFromTheEventsRecordedUpToThatInstant(long seed) {
        List<Timed> history = history(new Random(seed), 160);
        MediatorRatioProjection ratios = new MediatorRatioProjection(
                jdbc, new Generations(jdbc), new MediatorRatioProperties(new BigDecimal("0.03"), 10_000));
        DirectoryProjection directory = new DirectoryProjection(jdbc, new Generations(jdbc));
        feed(history, ratios, directory);

        List<Instant> instants = List.of(history.get(0).at().minusSeconds(1), history.get(10).at(),
                                         history.get(40).at().plusMillis(500), history.get(99).at(),
                                         history.get(history.size() - 1).at().plusSeconds(60));
        Map<Instant, List<Object>> asOf = new LinkedHashMap<>();
        for (Instant at : instants) {
            asOf.put(at, answers(ratios, directory, at));
        }

        for (Instant at : instants) {
            ratios.beginRebuild();
            directory.beginRebuild();
            feed(history.stream().filter(t -> !t.at().isAfter(at)).toList(), ratios, directory);
            ratios.completeRebuild();
            directory.completeRebuild();
            assertThat(answers(ratios, directory, null)).as("as of " + at).isEqualTo(asOf.get(at));
        }
    }

    private static void feed(List<Timed> events, Object... projections) {
        for (Object projection : projections) {
            ProjectionHarness harness = new ProjectionHarness(projection, Instant.EPOCH);
            for (Timed timed : events) {
                harness.at(timed.at()).given(timed.event());
            }
        }
    }

    private static List<Object> answers(MediatorRatioProjection ratios, DirectoryProjection directory, Instant at) {
        List<Object> answers = new ArrayList<>();
        answers.add(ratios.handle(new FindMediatorRatios(at)));
        for (String city : List.of("350800", "350100", "350128")) {
            answers.add(ratios.handle(new FindMediatorGaps(city, at)));
        }
        for (String code : COMMUNITIES) {
            answers.add(directory.handle(new FindCommunity(code, at)));
        }
        for (int m = 0; m < 6; m++) {
            answers.add(directory.handle(new FindMediator("M" + m, at)));
        }
        answers.add(directory.handle(new ListCommunities("350800", null, 0, 50, at)));
        answers.add(directory.handle(new ListCommunities(null, null, 1, 2, at)));
        answers.add(directory.handle(new ListMediators(null, 0, 50, at)));
        answers.add(directory.handle(new ListMediators("350802001001", 0, 50, at)));
        return answers;
    }

    /** A valid history: what the command side would have accepted, with increasing timestamps. */
    private static List<Timed> history(Random random, int length) {
        List<Timed> events = new ArrayList<>();
        Instant now = Instant.parse("2022-03-01T00:00:00Z");
        Set<String> registered = new HashSet<>();
        Set<String> prominent = new HashSet<>();
        Map<String, MediatorEmployment> mediators = new HashMap<>();
        Map<String, Set<String>> serving = new HashMap<>();
        int compounds = 0;
        while (events.size() < length) {
            now = now.plusMillis(200 + random.nextInt(5_000));
            int dice = random.nextInt(100);
            String community = COMMUNITIES.get(random.nextInt(COMMUNITIES.size()));
            String mediator = "M" + random.nextInt(6);
            Object event = null;
            if (!registered.contains(community) && dice < 40) {
                registered.add(community);
                event = new CommunityRegistered(community, "社区" + community.substring(9),
                                                CommunityKind.URBAN, "街道", 500 + random.nextInt(20_000));
            } else if (registered.contains(community) && dice < 50) {
                event = new ResidentPopulationUpdated(community, 500 + random.nextInt(20_000));
            } else if (registered.contains(community) && dice < 58) {
                event = new CompoundAdded(community, "C" + (++compounds), "小区" + compounds);
            } else if (registered.contains(community) && dice < 65) {
                event = prominent.remove(community) ? new CommunityDisputeProminenceCleared(community, "已化解")
                        : flag(prominent, community);
            } else if (!mediators.containsKey(mediator)) {
                MediatorEmployment employment = random.nextBoolean() ? MediatorEmployment.FULL_TIME
                                                                     : MediatorEmployment.PART_TIME;
                mediators.put(mediator, employment);
                serving.put(mediator, new HashSet<>());
                event = new MediatorRegistered(mediator, "调解员" + mediator, employment);
            } else {
                Set<String> held = serving.get(mediator);
                boolean fullTime = mediators.get(mediator) == MediatorEmployment.FULL_TIME;
                if (dice < 80 && registered.contains(community) && !held.contains(community)
                    && (!fullTime || held.isEmpty())) {
                    held.add(community);
                    event = new MediatorAppointed(mediator, community);
                } else if (dice < 90 && !held.isEmpty()) {
                    String from = held.iterator().next();
                    held.remove(from);
                    event = new MediatorRelieved(mediator, from, "调任");
                } else if (fullTime || held.size() <= 1) {
                    MediatorEmployment next = fullTime ? MediatorEmployment.PART_TIME : MediatorEmployment.FULL_TIME;
                    mediators.put(mediator, next);
                    event = new MediatorEmploymentChanged(mediator, next);
                }
            }
            if (event != null) {
                events.add(new Timed(event, now));
            }
        }
        return events;
    }

    private static Object flag(Set<String> prominent, String community) {
        prominent.add(community);
        return new CommunityFlaggedDisputeProminent(community, "纠纷多发");
    }
}
