package org.jinlin.app.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jinlin.app.pages.RegistryForms.AppointmentForm;
import org.jinlin.app.pages.RegistryForms.CommunityForm;
import org.jinlin.app.pages.RegistryForms.CompoundForm;
import org.jinlin.app.pages.RegistryForms.HouseholdForm;
import org.jinlin.app.pages.RegistryForms.MediatorForm;
import org.jinlin.app.pages.RegistryForms.PolicyForm;
import org.jinlin.command.registry.CityPolicyRegistry;
import org.jinlin.kernel.InvalidInput;
import org.jinlin.kernel.NotFound;
import org.jinlin.kernel.community.CommunityCommands.AddCompound;
import org.jinlin.kernel.community.CommunityCommands.RegisterCommunity;
import org.jinlin.kernel.community.CommunityKind;
import org.jinlin.kernel.directory.DirectoryQueries.CommunityDetails;
import org.jinlin.kernel.directory.DirectoryQueries.CommunityPage;
import org.jinlin.kernel.directory.DirectoryQueries.FindCommunity;
import org.jinlin.kernel.directory.DirectoryQueries.FindMediator;
import org.jinlin.kernel.directory.DirectoryQueries.ListCommunities;
import org.jinlin.kernel.directory.DirectoryQueries.ListMediators;
import org.jinlin.kernel.directory.DirectoryQueries.MediatorDetails;
import org.jinlin.kernel.directory.DirectoryQueries.MediatorPage;
import org.jinlin.kernel.division.Divisions;
import org.jinlin.kernel.household.DisabilityKind;
import org.jinlin.kernel.household.EmploymentStatus;
import org.jinlin.kernel.household.HouseholdCommands.RegisterHousehold;
import org.jinlin.kernel.household.Relation;
import org.jinlin.kernel.household.SelfCare;
import org.jinlin.kernel.mediator.MediatorCommands.AppointMediator;
import org.jinlin.kernel.mediator.MediatorCommands.RegisterMediator;
import org.jinlin.kernel.mediator.MediatorCommands.RelieveMediator;
import org.jinlin.kernel.mediator.MediatorEmployment;
import org.jinlin.kernel.policy.CityPolicyCommands.SetCityPolicy;
import org.jinlin.kernel.roster.RosterQueries.FindHousehold;
import org.jinlin.kernel.roster.RosterQueries.HouseholdView;
import org.jinlin.query.directory.DirectoryProjection;
import org.jinlin.query.roster.LowIncomeRosterProjection;
import org.jinlin.query.web.Paging;
import org.jinlin.query.web.Queries;
import org.jinlin.query.web.ReadConsistency;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/**
 * 登记管理: communities with their compounds and appointed mediators, mediators (appoint, relieve), households
 * (register with members, then the categories the hardship rules gave and why), and city policies.
 */
@Controller
class RegistryController {

    private final Queries queries;
    private final ReadConsistency consistency;
    private final Forms forms;
    private final CityPolicyRegistry policies;

    RegistryController(Queries queries, ReadConsistency consistency, Forms forms, CityPolicyRegistry policies) {
        this.queries = queries;
        this.consistency = consistency;
        this.forms = forms;
        this.policies = policies;
    }

    // ---- Communities (社区 / 村) ----

    @GetMapping("/registry/communities")
    String communities(@RequestParam(required = false) String cityCode, @RequestParam(defaultValue = "0") int page,
                       @RequestParam(required = false) String consistentWith, Model model) {
        consistency.await(consistentWith, DirectoryProjection.PROCESSING_GROUP);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new CommunityForm());
        }
        return communitiesPage(Forms.blankToNull(cityCode), Math.max(page, 0), model);
    }

    @PostMapping("/registry/communities")
    String registerCommunity(@ModelAttribute("form") CommunityForm form, BindingResult binding, Model model,
                             HttpServletResponse response, HttpServletRequest request) {
        Forms.Outcome outcome = send(binding, form.key, true,
                () -> new RegisterCommunity(Forms.blankToNull(form.code), form.name, form.kind, form.townshipName,
                                            form.residentPopulation));
        if (outcome.refused()) {
            refused(outcome, model, response, request, "/registry/communities");
            return communitiesPage(null, 0, model);
        }
        return "redirect:/registry/communities/" + encode(outcome.ack().id()) + tokenOf(outcome);
    }

    @GetMapping("/registry/communities/{code}")
    String community(@PathVariable String code, @RequestParam(required = false) String consistentWith, Model model) {
        consistency.await(consistentWith, DirectoryProjection.PROCESSING_GROUP);
        return communityPage(code, model);
    }

    @PostMapping("/registry/communities/{code}/compounds")
    String addCompound(@PathVariable String code, @ModelAttribute("compoundForm") CompoundForm form,
                       BindingResult binding, Model model, HttpServletResponse response, HttpServletRequest request) {
        Forms.Outcome outcome = send(binding, form.key, false,
                () -> new AddCompound(code, Forms.blankToNull(form.compoundId), form.name, form.version));
        if (outcome.refused()) {
            refused(outcome, model, response, request, "/registry/communities/" + encode(code));
            return communityPage(code, model);
        }
        return "redirect:/registry/communities/" + encode(code) + tokenOf(outcome);
    }

    private String communitiesPage(String cityCode, int page, Model model) {
        CommunityPage communities = queries.one(new ListCommunities(cityCode, null, page, Paging.DEFAULT_SIZE, null),
                                                CommunityPage.class);
        model.addAttribute("communities", communities);
        model.addAttribute("cityCode", cityCode);
        model.addAttribute("cities", Divisions.cities());
        model.addAttribute("kinds", CommunityKind.values());
        model.addAttribute("mayRegister", PageModel.may(HttpMethod.POST, "/api/communities"));
        return "registry/communities";
    }

    private String communityPage(String code, Model model) {
        CommunityDetails details = queries.optional(new FindCommunity(code, null), CommunityDetails.class)
                                          .orElseThrow(() -> new NotFound("community " + code + " is not registered"));
        model.addAttribute("community", details);
        if (!model.containsAttribute("compoundForm")) {
            CompoundForm form = new CompoundForm();
            form.version = details.version();
            model.addAttribute("compoundForm", form);
        }
        model.addAttribute("mayAddCompound", PageModel.may(HttpMethod.POST, "/api/communities/*/compounds"));
        return "registry/community";
    }

    // ---- Mediators (调解员) ----

    @GetMapping("/registry/mediators")
    String mediators(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String consistentWith,
                     Model model) {
        consistency.await(consistentWith, DirectoryProjection.PROCESSING_GROUP);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new MediatorForm());
        }
        return mediatorsPage(Math.max(page, 0), model);
    }

    @PostMapping("/registry/mediators")
    String registerMediator(@ModelAttribute("form") MediatorForm form, BindingResult binding, Model model,
                            HttpServletResponse response, HttpServletRequest request) {
        Forms.Outcome outcome = send(binding, form.key, true,
                () -> new RegisterMediator(Forms.blankToNull(form.mediatorId), form.name, form.employment));
        if (outcome.refused()) {
            refused(outcome, model, response, request, "/registry/mediators");
            return mediatorsPage(0, model);
        }
        return "redirect:/registry/mediators/" + encode(outcome.ack().id()) + tokenOf(outcome);
    }

    @GetMapping("/registry/mediators/{id}")
    String mediator(@PathVariable String id, @RequestParam(required = false) String consistentWith, Model model) {
        consistency.await(consistentWith, DirectoryProjection.PROCESSING_GROUP);
        return mediatorPage(id, model);
    }

    @PostMapping("/registry/mediators/{id}/appointments")
    String appoint(@PathVariable String id, @ModelAttribute("appointForm") AppointmentForm form, BindingResult binding,
                   Model model, HttpServletResponse response, HttpServletRequest request) {
        Forms.Outcome outcome = send(binding, form.key, false,
                () -> new AppointMediator(id, Forms.blankToNull(form.communityCode), form.version));
        return afterMediatorChange(id, outcome, "appoint", model, response, request);
    }

    @PostMapping("/registry/mediators/{id}/reliefs")
    String relieve(@PathVariable String id, @ModelAttribute("relieveForm") AppointmentForm form, BindingResult binding,
                   Model model, HttpServletResponse response, HttpServletRequest request) {
        Forms.Outcome outcome = send(binding, form.key, false,
                () -> new RelieveMediator(id, Forms.blankToNull(form.communityCode), form.reason, form.version));
        return afterMediatorChange(id, outcome, "relieve", model, response, request);
    }

    private String afterMediatorChange(String id, Forms.Outcome outcome, String formName, Model model,
                                       HttpServletResponse response, HttpServletRequest request) {
        if (outcome.refused()) {
            refused(outcome, model, response, request, "/registry/mediators/" + encode(id));
            model.addAttribute("refusedForm", formName);
            return mediatorPage(id, model);
        }
        return "redirect:/registry/mediators/" + encode(id) + tokenOf(outcome);
    }

    private String mediatorsPage(int page, Model model) {
        model.addAttribute("mediators", queries.one(new ListMediators(null, page, Paging.DEFAULT_SIZE, null),
                                                    MediatorPage.class));
        model.addAttribute("employments", MediatorEmployment.values());
        model.addAttribute("mayRegister", PageModel.may(HttpMethod.POST, "/api/mediators"));
        return "registry/mediators";
    }

    private String mediatorPage(String id, Model model) {
        MediatorDetails details = queries.optional(new FindMediator(id, null), MediatorDetails.class)
                                         .orElseThrow(() -> new NotFound("mediator " + id + " is not registered"));
        model.addAttribute("mediator", details);
        for (String name : new String[] {"appointForm", "relieveForm"}) {
            if (!model.containsAttribute(name)) {
                AppointmentForm form = new AppointmentForm();
                form.version = details.version();
                model.addAttribute(name, form);
            }
        }
        model.addAttribute("mayAppoint", PageModel.may(HttpMethod.POST, "/api/mediators/*/appointments"));
        return "registry/mediator";
    }

    // ---- Households (户) ----

    @GetMapping("/registry/households")
    String findHousehold(@RequestParam(required = false) String householdId) {
        String id = Forms.blankToNull(householdId);
        return id == null ? "registry/households" : "redirect:/registry/households/" + encode(id);
    }

    @GetMapping("/registry/households/new")
    String householdForm(Model model) {
        model.addAttribute("form", new HouseholdForm());
        return householdFormPage(model);
    }

    @PostMapping("/registry/households")
    String registerHousehold(@ModelAttribute("form") HouseholdForm form, BindingResult binding, Model model,
                             HttpServletResponse response, HttpServletRequest request) {
        Forms.Outcome outcome = send(binding, form.key, true,
                () -> new RegisterHousehold(Forms.blankToNull(form.householdId), Forms.blankToNull(form.communityCode),
                                            Forms.blankToNull(form.compoundId), form.monthlyIncome, form.migrant,
                                            form.filledMembers()));
        if (outcome.refused()) {
            refused(outcome, model, response, request, "/registry/households/new");
            return householdFormPage(model);
        }
        return "redirect:/registry/households/" + encode(outcome.ack().id()) + tokenOf(outcome);
    }

    @GetMapping("/registry/households/{id}")
    String household(@PathVariable String id, @RequestParam(required = false) String consistentWith, Model model) {
        consistency.await(consistentWith, LowIncomeRosterProjection.PROCESSING_GROUP);
        HouseholdView view = queries.optional(new FindHousehold(id, null), HouseholdView.class)
                                    .orElseThrow(() -> new NotFound("household " + id + " is not registered"));
        model.addAttribute("household", view);
        return "registry/household";
    }

    private String householdFormPage(Model model) {
        model.addAttribute("relations", Relation.values());
        model.addAttribute("employments", EmploymentStatus.values());
        model.addAttribute("disabilityKinds", DisabilityKind.values());
        model.addAttribute("selfCares", SelfCare.values());
        return "registry/household-new";
    }

    // ---- City policies (城市低保政策) ----

    @GetMapping("/registry/city-policies")
    String policyForm(@RequestParam(required = false) String saved, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new PolicyForm());
        }
        model.addAttribute("saved", saved);
        return policyPage(model);
    }

    @PostMapping("/registry/city-policies")
    String setPolicy(@ModelAttribute("form") PolicyForm form, BindingResult binding, Model model,
                     HttpServletResponse response, HttpServletRequest request, RedirectAttributes redirect) {
        String city = Forms.blankToNull(form.cityCode);
        Forms.Outcome outcome = send(binding, form.key, city == null || !policies.exists(city),
                () -> new SetCityPolicy(city, form.dibaoStandard, date("effectiveFrom", form.effectiveFrom),
                                        form.lowIncomeMultiplier, form.disabilityAllowanceExtended, null));
        if (outcome.refused()) {
            refused(outcome, model, response, request, "/registry/city-policies");
            return policyPage(model);
        }
        return "redirect:/registry/city-policies?saved=" + encode(city);
    }

    private String policyPage(Model model) {
        model.addAttribute("cities", Divisions.cities());
        return "registry/city-policies";
    }

    // ---- shared ----

    private Forms.Outcome send(BindingResult binding, String key, boolean creates, Supplier<Object> command) {
        return forms.send(binding, command, creates, key);
    }

    private static void refused(Forms.Outcome outcome, Model model, HttpServletResponse response,
                                HttpServletRequest request, String page) {
        response.setStatus(outcome.refusal().status().value());
        request.setAttribute(PageModel.PAGE_ADDRESS, page);
        model.addAttribute("refusal", outcome.refusal());
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "must be a date written yyyy-MM-dd, such as 2024-01-01");
        }
    }

    private static String tokenOf(Forms.Outcome outcome) {
        return outcome.eventToken() == null ? "" : "?consistentWith=" + outcome.eventToken();
    }

    private static String encode(String id) {
        return UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
    }
}
