package vn.hoctap.cycle.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import vn.hoctap.accounts.Access;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.cycle.CommuneTargets;
import vn.hoctap.cycle.Decisions;
import vn.hoctap.cycle.Inspections;
import vn.hoctap.cycle.Plans;
import vn.hoctap.platform.HanoiTime;

/** The yearly cycle as JSON (read): plans, commune targets, inspection summary and actions, decisions and their comparison. */
@RestController
@RequestMapping("/api/cycle")
@Access(kind = DataKind.PLANS_AND_INSPECTION)
class CycleApiController {

    private final Plans plans;
    private final CommuneTargets targets;
    private final Inspections inspections;
    private final Decisions decisions;

    CycleApiController(Plans plans, CommuneTargets targets, Inspections inspections, Decisions decisions) {
        this.plans = plans;
        this.targets = targets;
        this.inspections = inspections;
        this.decisions = decisions;
    }

    @Operation(summary = "The implementation plans the user may read (the city's, and those of the user's units)")
    @GetMapping("/plans")
    List<Plans.Plan> plans() {
        return plans.readable();
    }

    @Operation(summary = "A plan with its actions and status updates")
    @GetMapping("/plans/{id}")
    Map<String, Object> plan(@PathVariable long id) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("plan", plans.get(id));
        m.put("actions", plans.actionsOf(id));
        m.put("updates", plans.updatesOf(id));
        return m;
    }

    @Operation(summary = "A commune's targets for the 25 indicators: the target in force, its basis and state")
    @GetMapping("/targets")
    List<CommuneTargets.CommuneTarget> targets(@RequestParam String commune) {
        return targets.ofCommune(commune);
    }

    @Operation(summary = "Inspection by commune for a year: visits, items not met, actions open, closed and overdue")
    @GetMapping("/inspection/summary")
    List<Inspections.CommuneSummary> summary(@RequestParam(required = false) Integer year) {
        return inspections.summaryByCommune(year == null ? HanoiTime.today().getYear() : year);
    }

    @Operation(summary = "The required actions after inspection the user may read (a commune: its own)")
    @GetMapping("/inspection/actions")
    List<Inspections.Action> actions(@RequestParam(required = false) Integer year) {
        return inspections.actions(year);
    }

    @Operation(summary = "Recognition decisions of a year, compared with the computed standards")
    @GetMapping("/decisions")
    Map<String, Object> decisions(@RequestParam int year) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("decisions", decisions.ofYear(year));
        m.put("comparison", decisions.compare(year));
        m.put("national_title", decisions.nationalTitles());
        return m;
    }
}
