package org.jinlin.app.demo;

import org.jinlin.kernel.community.CommunityKind;
import org.jinlin.kernel.division.Division;
import org.jinlin.kernel.division.Divisions;
import org.jinlin.kernel.mediator.MediatorEmployment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The places and people the demo data is about, planned from a seed before any command is sent: the ten
 * city-level units with their dibao standards, communities under real county codes with invented township,
 * community and compound names, and the mediators with their appointments. The share of communities with a
 * full-time mediator is planned per city so that some cities meet the 3 % target and some fall short.
 */
final class DemoWorld {

    /** One city's plan: its share of the communities, its full-time mediator ratio, its dibao standards. */
    record City(String code, double share, double fullTimeRatio, int[] standards, BigDecimal multiplier,
                boolean allowanceExtended) {

        /** The standard in force today: the last of those set, from 2021 to 2024. */
        BigDecimal standardToday() {
            return BigDecimal.valueOf(standards[standards.length - 1]);
        }

        LocalDate effectiveFrom(int index) {
            return LocalDate.of(2021 + index, 1, 1);
        }
    }

    /**
     * Shares follow the cities' populations roughly; the full-time ratios put Fuzhou, Xiamen, Sanming, Quanzhou,
     * Longyan and Pingtan above 3 % and Putian, Zhangzhou, Nanping and Ningde below it. Xiamen and Fuzhou have the
     * highest standards, the mountain cities the lowest.
     */
    static final List<City> CITIES = List.of(
            new City("350100", 0.18, 0.050, new int[]{880, 920, 960, 1000}, new BigDecimal("1.5"), true),
            new City("350200", 0.08, 0.080, new int[]{1030, 1080, 1130, 1200}, new BigDecimal("2.0"), true),
            new City("350300", 0.07, 0.020, new int[]{770, 800, 830, 860}, new BigDecimal("1.5"), false),
            new City("350400", 0.09, 0.035, new int[]{740, 770, 800, 830}, new BigDecimal("1.5"), false),
            new City("350500", 0.17, 0.045, new int[]{850, 890, 930, 970}, new BigDecimal("1.5"), true),
            new City("350600", 0.12, 0.025, new int[]{780, 810, 840, 880}, new BigDecimal("1.5"), false),
            new City("350700", 0.09, 0.015, new int[]{730, 760, 790, 820}, new BigDecimal("1.5"), false),
            new City("350800", 0.09, 0.040, new int[]{760, 790, 820, 850}, new BigDecimal("1.5"), false),
            new City("350900", 0.09, 0.020, new int[]{750, 780, 810, 840}, new BigDecimal("1.5"), false),
            new City(Divisions.PINGTAN, 0.02, 0.060, new int[]{820, 860, 900, 940}, new BigDecimal("1.5"), false));

    /** Kinmen County is listed under Quanzhou but not administered there. */
    private static final Set<String> NOT_ADMINISTERED = Set.of("350527");

    record Compound(String id, String name) {
    }

    record Community(String code, String name, CommunityKind kind, String townshipName, int population,
                     List<Compound> compounds, String prominentReason) {

        String cityCode() {
            return Divisions.cityOf(code);
        }

        String countyCode() {
            return Divisions.countyOf(code);
        }

        boolean priority() {
            return population >= 10_000 || prominentReason != null;
        }
    }

    record Mediator(String id, String name, MediatorEmployment employment, String cityCode, List<String> communities) {
    }

    final List<Community> communities = new ArrayList<>();
    final List<Mediator> mediators = new ArrayList<>();
    final Map<String, Community> communityByCode = new LinkedHashMap<>();
    /** The mediators appointed to each community, full-time first. */
    final Map<String, List<String>> appointedTo = new LinkedHashMap<>();
    /** Full-time mediators per county and all mediators per city, for cases handled above the community. */
    final Map<String, List<String>> fullTimeByCounty = new LinkedHashMap<>();
    final Map<String, List<String>> mediatorsByCity = new LinkedHashMap<>();
    /** The mediator the demo user {@code mediator} acts as: a part-time mediator of Fuzhou. */
    final String demoMediatorId;
    private final Map<String, City> cityByCode = new LinkedHashMap<>();

    private DemoWorld(long seed, DemoSizes sizes) {
        SplittableRandom random = new SplittableRandom(seed);
        CITIES.forEach(city -> cityByCode.put(city.code(), city));
        int[] perCity = atLeastOneEach(apportion(sizes.communities(), CITIES.stream().mapToDouble(City::share).toArray()));
        for (int c = 0; c < CITIES.size(); c++) {
            planCommunities(CITIES.get(c).code(), perCity[c], random);
        }
        communities.forEach(community -> communityByCode.put(community.code(), community));
        demoMediatorId = planMediators(sizes.mediators(), random);
    }

    static DemoWorld plan(long seed, DemoSizes sizes) {
        return new DemoWorld(seed, sizes);
    }

    City city(String code) {
        return cityByCode.get(code);
    }

    private void planCommunities(String cityCode, int count, SplittableRandom random) {
        List<Division> counties = Divisions.PINGTAN.equals(cityCode)
                ? List.of(Divisions.find(Divisions.PINGTAN).orElseThrow())
                : countiesOf(cityCode);
        double[] weights = counties.stream().mapToDouble(d -> d.nameZh().endsWith("区") ? 1.3 : 1.0).toArray();
        int[] perCounty = apportion(count, weights);
        for (int k = 0; k < counties.size(); k++) {
            planCounty(counties.get(k), perCounty[k], random);
        }
    }

    private static List<Division> countiesOf(String cityCode) {
        List<Division> counties = new ArrayList<>();
        for (String code : allCountyCodes()) {
            Division county = Divisions.find(code).orElseThrow();
            if (cityCode.equals(county.parentCode()) && !NOT_ADMINISTERED.contains(code)) {
                counties.add(county);
            }
        }
        counties.sort(Comparator.comparing(Division::code));
        return counties;
    }

    /** Every six-digit county code of the province that the division list knows. */
    private static List<String> allCountyCodes() {
        List<String> codes = new ArrayList<>();
        for (int city = 1; city <= 9; city++) {
            for (int county = 1; county <= 99; county++) {
                String code = String.format("35%02d%02d", city, county);
                if (Divisions.find(code).filter(d -> d.level() == Division.Level.COUNTY).isPresent()) {
                    codes.add(code);
                }
            }
        }
        return codes;
    }

    /**
     * A county's townships: a district (区) mostly street offices (街道, codes 001–099) with urban communities;
     * a county mostly towns (镇, 100–199), each with a community or two at its centre and villages around, and
     * rural townships (乡, 200–299) of villages. Communities are numbered 001–199, villages 200 onwards.
     */
    private void planCounty(Division county, int count, SplittableRandom random) {
        boolean district = county.nameZh().endsWith("区");
        boolean countyCity = county.nameZh().endsWith("市");
        int streetShare = district ? 60 : countyCity ? 30 : 12;
        int ruralShare = district ? 0 : countyCity ? 10 : 22;
        List<String> townshipWords = shuffled(Words.PLACES, random);
        int streets = 0;
        int towns = 0;
        int rurals = 0;
        int made = 0;
        for (int t = 0; made < count; t++) {
            int size = Math.min(count - made, 6 + random.nextInt(14));
            int dice = random.nextInt(100);
            String word = townshipWords.get(t % townshipWords.size()) + (t < townshipWords.size() ? "" : t / townshipWords.size() + 1);
            String townshipCode;
            String townshipName;
            char kind;
            if (dice < streetShare || (t == 0 && district)) {
                townshipCode = String.format("%03d", 1 + streets++);
                townshipName = word + "街道";
                kind = 'S';
            } else if (dice < 100 - ruralShare) {
                townshipCode = String.format("%03d", 100 + towns++);
                townshipName = word + "镇";
                kind = 'T';
            } else {
                townshipCode = String.format("%03d", 200 + rurals++);
                townshipName = word + "乡";
                kind = 'R';
            }
            planTownship(county.code() + townshipCode, townshipName, kind, size, random);
            made += size;
        }
    }

    private void planTownship(String townshipCode, String townshipName, char kind, int size, SplittableRandom random) {
        List<String> words = shuffled(Words.PLACES, random);
        int urbanCount = kind == 'S' ? size : kind == 'T' ? Math.min(size, 1 + random.nextInt(2)) : 0;
        for (int v = 0; v < size; v++) {
            boolean urban = v < urbanCount;
            String code = townshipCode + String.format("%03d", urban ? 1 + v : 200 + v - urbanCount);
            String word = words.get(v % words.size()) + (v < words.size() ? "" : String.valueOf(v / words.size() + 1));
            int population = urban
                    ? (random.nextInt(100) < 15 ? 10_000 + random.nextInt(8_000) : 2_500 + random.nextInt(7_500))
                    : 600 + random.nextInt(4_000);
            List<Compound> compounds = new ArrayList<>();
            if (urban) {
                List<String> compoundWords = shuffled(Words.PLACES, random);
                int n = 1 + random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    compounds.add(new Compound(String.format("C%02d", i + 1),
                                               compoundWords.get(i) + Words.pick(random, Words.COMPOUND_KINDS)));
                }
            } else if (random.nextInt(100) < 60) {
                int n = 2 + random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    compounds.add(new Compound(String.format("G%02d", i + 1), "第" + CHINESE_NUMBERS[i] + "村民小组"));
                }
            }
            String prominent = random.nextInt(100) < 3
                    ? Words.pick(random, PROMINENT_REASONS) : null;
            communities.add(new Community(code, word + (urban ? "社区" : "村"),
                                          urban ? CommunityKind.URBAN : CommunityKind.RURAL, townshipName, population,
                                          List.copyOf(compounds), prominent));
        }
    }

    private static final String[] CHINESE_NUMBERS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    private static final String[] PROMINENT_REASONS = {
            "近一年物业纠纷集中，多次群体投诉", "征地拆迁遗留问题多，矛盾纠纷较突出", "邻里纠纷多发，信访量居全镇前列",
            "老旧小区改造引发的纠纷较多", "外来务工人员集中，劳资纠纷多发"};

    /**
     * Full-time mediators first, one per chosen community and mostly in priority communities (some priority
     * communities are left without one, so the gaps view has something to show); then part-time mediators, each
     * appointed to a run of neighbouring communities so that every community has at least one mediator.
     * Returns the demo mediator's id.
     */
    private String planMediators(int total, SplittableRandom random) {
        Map<String, List<Community>> byCity = new LinkedHashMap<>();
        communities.forEach(c -> byCity.computeIfAbsent(c.cityCode(), k -> new ArrayList<>()).add(c));
        Map<String, Set<String>> fullTimeCommunities = new LinkedHashMap<>();
        int fullTimeTotal = 0;
        for (City city : CITIES) {
            List<Community> inCity = byCity.getOrDefault(city.code(), List.of());
            int n = inCity.size();
            int count = city.fullTimeRatio() >= 0.03 ? Math.max(1, (int) Math.round(city.fullTimeRatio() * n))
                                                     : (int) Math.floor(city.fullTimeRatio() * n);
            while (count > 0 && count >= 0.03 * n && city.fullTimeRatio() < 0.03) {
                count--;
            }
            count = Math.min(count, n);
            List<Community> priority = new ArrayList<>(inCity.stream().filter(Community::priority).toList());
            List<Community> others = new ArrayList<>(inCity.stream().filter(c -> !c.priority()).toList());
            Collections.shuffle(priority, new java.util.Random(random.nextLong()));
            Collections.shuffle(others, new java.util.Random(random.nextLong()));
            Set<String> chosen = new HashSet<>();
            int fromPriority = Math.min(priority.size(), (int) Math.ceil(count * 0.7));
            priority.subList(0, fromPriority).forEach(c -> chosen.add(c.code()));
            for (Community c : others) {
                if (chosen.size() >= count) {
                    break;
                }
                chosen.add(c.code());
            }
            for (Community c : priority) {
                if (chosen.size() >= count) {
                    break;
                }
                chosen.add(c.code());
            }
            fullTimeCommunities.put(city.code(), chosen);
            fullTimeTotal += chosen.size();
        }
        int partTimeTotal = Math.max(total - fullTimeTotal, byCity.size());
        int[] partTimePerCity = apportion(partTimeTotal, CITIES.stream()
                .mapToDouble(c -> byCity.getOrDefault(c.code(), List.of()).size()).toArray());
        String demoMediator = null;
        for (int ci = 0; ci < CITIES.size(); ci++) {
            City city = CITIES.get(ci);
            List<Community> inCity = byCity.getOrDefault(city.code(), List.of());
            if (inCity.isEmpty()) {
                continue;
            }
            int seq = 0;
            for (Community c : inCity) {
                if (fullTimeCommunities.get(city.code()).contains(c.code())) {
                    String id = mediatorId(city.code(), ++seq);
                    addMediator(new Mediator(id, Words.personName(random, random.nextBoolean()),
                                             MediatorEmployment.FULL_TIME, city.code(), List.of(c.code())));
                }
            }
            int partTime = Math.max(1, partTimePerCity[ci]);
            int n = inCity.size();
            for (int p = 0; p < partTime; p++) {
                List<String> appointments = new ArrayList<>();
                if (p < n) {
                    // Mediator p covers communities [p*n/partTime, (p+1)*n/partTime): neighbours in code order.
                    int from = (int) ((long) p * n / Math.min(partTime, n));
                    int to = (int) ((long) (p + 1) * n / Math.min(partTime, n));
                    if (partTime > n) {
                        from = p;
                        to = p + 1;
                    }
                    for (int i = from; i < to; i++) {
                        appointments.add(inCity.get(i).code());
                    }
                } else {
                    appointments.add(inCity.get((p - n) * 7 % n).code());
                }
                String id = mediatorId(city.code(), ++seq);
                addMediator(new Mediator(id, Words.personName(random, random.nextBoolean()),
                                         MediatorEmployment.PART_TIME, city.code(), List.copyOf(appointments)));
                if (demoMediator == null && city.code().equals("350100")) {
                    demoMediator = id;
                }
            }
        }
        appointedTo.values().forEach(list -> list.sort(Comparator.comparing(id -> !isFullTime(id))));
        return demoMediator;
    }

    private final Set<String> fullTimeIds = new HashSet<>();

    boolean isFullTime(String mediatorId) {
        return fullTimeIds.contains(mediatorId);
    }

    private void addMediator(Mediator mediator) {
        mediators.add(mediator);
        if (mediator.employment() == MediatorEmployment.FULL_TIME) {
            fullTimeIds.add(mediator.id());
            String county = Divisions.countyOf(mediator.communities().get(0));
            fullTimeByCounty.computeIfAbsent(county, k -> new ArrayList<>()).add(mediator.id());
        }
        mediatorsByCity.computeIfAbsent(mediator.cityCode(), k -> new ArrayList<>()).add(mediator.id());
        for (String community : mediator.communities()) {
            appointedTo.computeIfAbsent(community, k -> new ArrayList<>()).add(mediator.id());
        }
    }

    private static String mediatorId(String cityCode, int seq) {
        return "M" + cityCode + "-" + String.format("%05d", seq);
    }

    private static List<String> shuffled(String[] words, SplittableRandom random) {
        List<String> list = new ArrayList<>(List.of(words));
        for (int i = list.size() - 1; i > 0; i--) {
            Collections.swap(list, i, random.nextInt(i + 1));
        }
        return list;
    }

    /** Moves one from the largest part to every empty part, so every city-level unit has communities. */
    private static int[] atLeastOneEach(int[] parts) {
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] == 0) {
                int largest = 0;
                for (int j = 1; j < parts.length; j++) {
                    if (parts[j] > parts[largest]) {
                        largest = j;
                    }
                }
                parts[largest]--;
                parts[i]++;
            }
        }
        return parts;
    }

    /** Splits {@code total} into whole parts proportional to the weights (largest remainders), summing to it. */
    static int[] apportion(int total, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int[] parts = new int[weights.length];
        if (sum <= 0) {
            return parts;
        }
        double[] remainders = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            parts[i] = (int) Math.floor(exact);
            remainders[i] = exact - parts[i];
            given += parts[i];
        }
        while (given < total) {
            int best = 0;
            for (int i = 1; i < weights.length; i++) {
                if (remainders[i] > remainders[best]) {
                    best = i;
                }
            }
            parts[best]++;
            remainders[best] = -1;
            given++;
        }
        return parts;
    }
}
