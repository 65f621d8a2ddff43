package org.jinlin.app.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jinlin.app.pages.DisputeForms.AssignForm;
import org.jinlin.app.pages.DisputeForms.CaseForm;
import org.jinlin.app.pages.DisputeForms.EscalateForm;
import org.jinlin.app.pages.DisputeForms.ReferForm;
import org.jinlin.app.pages.DisputeForms.ReportForm;
import org.jinlin.app.pages.DisputeForms.ResolveForm;
import org.jinlin.app.pages.DisputeForms.StepForm;
import org.jinlin.kernel.NotFound;
import org.jinlin.kernel.caseview.CaseViewQueries.CaseReader;
import org.jinlin.kernel.caseview.CaseViewQueries.DisputeCase;
import org.jinlin.kernel.caseview.CaseViewQueries.DisputePage;
import org.jinlin.kernel.caseview.CaseViewQueries.FindDisputeCase;
import org.jinlin.kernel.caseview.CaseViewQueries.ListDisputes;
import org.jinlin.kernel.directory.DirectoryQueries.FindMediator;
import org.jinlin.kernel.directory.DirectoryQueries.MediatorDetails;
import org.jinlin.kernel.dispute.Category;
import org.jinlin.kernel.dispute.DisputeCommands.AssignMediator;
import org.jinlin.kernel.dispute.DisputeCommands.EscalateDispute;
import org.jinlin.kernel.dispute.DisputeCommands.RecordMediationStep;
import org.jinlin.kernel.dispute.DisputeCommands.ReferDispute;
import org.jinlin.kernel.dispute.DisputeCommands.ReportDispute;
import org.jinlin.kernel.dispute.DisputeCommands.ResolveDispute;
import org.jinlin.kernel.dispute.Level;
import org.jinlin.kernel.dispute.PartyRole;
import org.jinlin.kernel.dispute.ReferralTarget;
import org.jinlin.kernel.dispute.Scale;
import org.jinlin.kernel.dispute.Source;
import org.jinlin.kernel.dispute.StepKind;
import org.jinlin.kernel.dispute.Venue;
import org.jinlin.query.caseview.CaseViewProjection;
import org.jinlin.query.web.Queries;
import org.jinlin.query.web.ReadConsistency;
import org.jinlin.query.web.Viewer;
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
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * 调解工作台: the mediator's queue, a case with its steps as a timeline, and the forms that report, record a step,
 * resolve, and (for coordinators) assign, escalate and refer. Every form sends the API's own command.
 */
@Controller
class WorkbenchController {

    /** The queue shows this many open cases, oldest first; a mediator's queue is far shorter. */
    static final int QUEUE_SIZE = 200;
    private static final DateTimeFormatter ID_DATE = DateTimeFormatter.ofPattern("yyyyMMdd")
                                                                      .withZone(org.jinlin.kernel.AsOf.CHINA);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The venues a mediator may choose; "not recorded" is what old steps say, never a choice. */
    private static final List<Venue> VENUES = Arrays.stream(Venue.values())
                                                    .filter(venue -> venue != Venue.NOT_RECORDED).toList();

    private final Queries queries;
    private final ReadConsistency consistency;
    private final Viewer viewer;
    private final Forms forms;
    private final Clock clock;

    WorkbenchController(Queries queries, ReadConsistency consistency, Viewer viewer, Forms forms, Clock clock) {
        this.queries = queries;
        this.consistency = consistency;
        this.viewer = viewer;
        this.forms = forms;
        this.clock = clock;
    }

    @GetMapping("/workbench")
    String queue(@RequestParam(required = false) Boolean overdue,
                 @RequestParam(required = false) String consistentWith, Model model) {
        consistency.await(consistentWith, CaseViewProjection.PROCESSING_GROUP);
        DisputePage page = queries.one(new ListDisputes(null, null, overdue, 0, QUEUE_SIZE, null, viewer.caseReader()),
                                       DisputePage.class);
        model.addAttribute("cases", page.items());
        model.addAttribute("total", page.total());
        model.addAttribute("overdueOnly", Boolean.TRUE.equals(overdue));
        model.addAttribute("mayReport", PageModel.may(HttpMethod.POST, "/api/disputes"));
        return "workbench";
    }

    @GetMapping("/disputes/new")
    String reportForm(Model model) {
        ReportForm form = new ReportForm();
        form.disputeId = "D-" + ID_DATE.format(clock.instant()) + "-" + suffix();
        form.reportedAt = Forms.nowForInput(clock);
        model.addAttribute("form", form);
        return reportPage(model);
    }

    @PostMapping("/disputes")
    String report(@ModelAttribute("form") ReportForm form, BindingResult binding, Model model,
                  HttpServletResponse response, HttpServletRequest request, RedirectAttributes redirect) {
        Forms.Outcome outcome = forms.send(binding, () -> new ReportDispute(Forms.blankToNull(form.disputeId),
                                                     Forms.blankToNull(form.communityCode), form.compoundId,
                                                     form.category, form.scale, form.source, form.filledParties(),
                                                     form.summary, Forms.instant("reportedAt", form.reportedAt)),
                             true, form.key);
        if (outcome.refused()) {
            response.setStatus(outcome.refusal().status().value());
            request.setAttribute(PageModel.PAGE_ADDRESS, "/disputes/new");
            model.addAttribute("refusal", outcome.refusal());
            return reportPage(model);
        }
        redirect.addFlashAttribute("reported", outcome.ack().id());
        return "redirect:/workbench" + consistentWith(outcome);
    }

    @GetMapping("/disputes/{id}")
    String dispute(@PathVariable String id, @RequestParam(required = false) String consistentWith, Model model) {
        consistency.await(consistentWith, CaseViewProjection.PROCESSING_GROUP);
        return casePage(id, model);
    }

    @PostMapping("/disputes/{id}/steps")
    String recordStep(@PathVariable String id, @ModelAttribute("stepForm") StepForm form, BindingResult binding,
                      Model model, HttpServletResponse response, HttpServletRequest request) {
        return act(id, "step", form, binding, model, response, request,
                   () -> new RecordMediationStep(id, form.kind, form.note, Forms.instant("occurredAt", form.occurredAt),
                                                 form.durationMinutes, form.venue, form.place, form.version));
    }

    @PostMapping("/disputes/{id}/resolution")
    String resolve(@PathVariable String id, @ModelAttribute("resolveForm") ResolveForm form, BindingResult binding,
                   Model model, HttpServletResponse response, HttpServletRequest request) {
        return act(id, "resolve", form, binding, model, response, request,
                   () -> new ResolveDispute(id, form.agreementSummary, Forms.instant("resolvedAt", form.resolvedAt),
                                            form.version));
    }

    @PostMapping("/disputes/{id}/escalation")
    String escalate(@PathVariable String id, @ModelAttribute("escalateForm") EscalateForm form, BindingResult binding,
                    Model model, HttpServletResponse response, HttpServletRequest request) {
        return act(id, "escalate", form, binding, model, response, request,
                   () -> new EscalateDispute(id, form.toLevel, form.reason, form.version));
    }

    @PostMapping("/disputes/{id}/referral")
    String refer(@PathVariable String id, @ModelAttribute("referForm") ReferForm form, BindingResult binding,
                 Model model, HttpServletResponse response, HttpServletRequest request) {
        return act(id, "refer", form, binding, model, response, request,
                   () -> new ReferDispute(id, form.to, form.reason, form.version));
    }

    @PostMapping("/disputes/{id}/assignment")
    String assign(@PathVariable String id, @ModelAttribute("assignForm") AssignForm form, BindingResult binding,
                  Model model, HttpServletResponse response, HttpServletRequest request) {
        return act(id, "assign", form, binding, model, response, request,
                   () -> new AssignMediator(id, Forms.blankToNull(form.mediatorId), form.version));
    }

    /** Sends the command; on a refusal shows the case again with the refusal beside the form and the input kept. */
    private String act(String id, String formName, CaseForm form, BindingResult binding, Model model,
                       HttpServletResponse response, HttpServletRequest request, Supplier<Object> command) {
        Forms.Outcome outcome = forms.send(binding, command, false, form.key);
        if (outcome.refused()) {
            response.setStatus(outcome.refusal().status().value());
            request.setAttribute(PageModel.PAGE_ADDRESS, "/disputes/" + encode(id));
            model.addAttribute("refusal", outcome.refusal());
            model.addAttribute("refusedForm", formName);
            return casePage(id, model);
        }
        return "redirect:/disputes/" + encode(id) + consistentWith(outcome);
    }

    private String casePage(String id, Model model) {
        CaseReader reader = viewer.caseReader();
        DisputeCase found = queries.optional(new FindDisputeCase(id, null, reader), DisputeCase.class)
                                   .orElseThrow(() -> new NotFound("dispute " + id + " is not reported"));
        model.addAttribute("c", found);
        model.addAttribute("timeline", timeline(found));
        String now = Forms.nowForInput(clock);
        StepForm step = new StepForm();
        step.occurredAt = now;
        ResolveForm resolve = new ResolveForm();
        resolve.resolvedAt = now;
        List<CaseForm> blank = List.of(step, resolve, new EscalateForm(), new ReferForm(), new AssignForm());
        String[] names = {"stepForm", "resolveForm", "escalateForm", "referForm", "assignForm"};
        for (int i = 0; i < names.length; i++) {
            if (!model.containsAttribute(names[i])) {
                blank.get(i).version = found.version();
                model.addAttribute(names[i], blank.get(i));
            }
        }
        boolean open = found.status().isOpen();
        model.addAttribute("mayStep", open && PageModel.may(HttpMethod.POST, "/api/disputes/*/steps"));
        model.addAttribute("mayResolve", open && PageModel.may(HttpMethod.POST, "/api/disputes/*/resolution"));
        model.addAttribute("mayEscalate", open && PageModel.may(HttpMethod.POST, "/api/disputes/*/escalation"));
        model.addAttribute("mayRefer", open && PageModel.may(HttpMethod.POST, "/api/disputes/*/referral"));
        model.addAttribute("mayAssign", open && PageModel.may(HttpMethod.POST, "/api/disputes/*/assignment"));
        model.addAttribute("stepKinds", StepKind.values());
        model.addAttribute("venues", VENUES);
        model.addAttribute("levels", Level.values());
        model.addAttribute("referralTargets", ReferralTarget.values());
        return "dispute";
    }

    /** One line of a case's story: when, what (a message key), the detail, and who; for a step, where and how long. */
    record TimelineEntry(Instant at, String what, String label, String detail, String who, StepFacts step) {

        TimelineEntry(Instant at, String what, String label, String detail, String who) {
            this(at, what, label, detail, who, null);
        }
    }

    /** How long a step took and where, as far as they were recorded; the venue's message key or null. */
    record StepFacts(Integer durationMinutes, String venue, String place) {

        public boolean any() {
            return durationMinutes != null || venue != null || place != null;
        }
    }

    /** Everything that happened to the case, in the order it happened. */
    static List<TimelineEntry> timeline(DisputeCase c) {
        List<TimelineEntry> entries = new ArrayList<>();
        entries.add(new TimelineEntry(c.reportedAt(), "event.DisputeReported", null, c.summary(), null));
        c.assignments().forEach(a -> entries.add(new TimelineEntry(a.at(), "event.MediatorAssigned",
                                                                   "enum.Level." + a.level(), null, a.mediatorId())));
        c.steps().forEach(s -> entries.add(new TimelineEntry(
                s.occurredAt(), "event.MediationStepRecorded", "enum.StepKind." + s.kind(), s.note(), s.mediatorId(),
                new StepFacts(s.durationMinutes(),
                              s.venue() == null || s.venue() == Venue.NOT_RECORDED ? null : "enum.Venue." + s.venue(),
                              s.place()))));
        c.escalations().forEach(e -> entries.add(new TimelineEntry(e.at(), "event.DisputeEscalated",
                                                                   "enum.Level." + e.toLevel(), e.reason(), null)));
        c.reclassifications().forEach(r -> entries.add(new TimelineEntry(r.at(), "event.DisputeReclassified",
                                                                         "enum.Scale." + r.scale(), r.reason(), null)));
        if (c.resolution() != null) {
            entries.add(new TimelineEntry(c.resolution().resolvedAt(), "event.DisputeResolved",
                                          "enum.Level." + c.resolution().level(), c.resolution().agreementSummary(),
                                          c.resolution().mediatorId()));
        }
        c.followUps().forEach(f -> entries.add(new TimelineEntry(f.occurredAt(), "event.FollowUpRecorded", null,
                                                                 f.note(), f.mediatorId())));
        c.reopenings().forEach(r -> entries.add(new TimelineEntry(r.at(), "event.DisputeReopened", null, r.reason(),
                                                                  r.mediatorId())));
        if (c.referral() != null) {
            entries.add(new TimelineEntry(c.referral().at(), "event.DisputeReferredOut",
                                          "enum.ReferralTarget." + c.referral().to(), c.referral().reason(), null));
        }
        if (c.withdrawal() != null) {
            entries.add(new TimelineEntry(c.withdrawal().at(), "event.DisputeWithdrawn", null, c.withdrawal().reason(),
                                          null));
        }
        entries.sort(Comparator.comparing(TimelineEntry::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return entries;
    }

    private String reportPage(Model model) {
        model.addAttribute("categories", Category.values());
        model.addAttribute("scales", Scale.values());
        model.addAttribute("sources", Source.values());
        model.addAttribute("partyRoles", PartyRole.values());
        CaseReader reader = viewer.caseReader();
        model.addAttribute("myCommunities", reader.mediatorId() == null ? List.of()
                : queries.optional(new FindMediator(reader.mediatorId(), null), MediatorDetails.class)
                         .map(MediatorDetails::appointments).orElse(List.of()));
        return "dispute-new";
    }

    private static String consistentWith(Forms.Outcome outcome) {
        return outcome.eventToken() == null ? "" : "?consistentWith=" + outcome.eventToken();
    }

    private static String encode(String id) {
        return UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
    }

    private static String suffix() {
        String letters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            text.append(letters.charAt(RANDOM.nextInt(letters.length())));
        }
        return text.toString();
    }
}
