package nl.stuurwiel.dashboard;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.stuurwiel.system.Klok;

@RestController
@RequestMapping(path = "/api/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
public class DashboardController {

    private final DashboardService dashboardService;
    private final ImpactService impactService;

    public DashboardController(DashboardService dashboardService, ImpactService impactService) {
        this.dashboardService = dashboardService;
        this.impactService = impactService;
    }

    @GetMapping
    public DashboardService.Overzicht overzicht() {
        return dashboardService.overzicht();
    }

    /** Per doel (the whole tree, one doel with the doelen under it, or the doelen of one opdracht) its impact. */
    @GetMapping("/impact")
    public ImpactService.Impact impact(@RequestParam(required = false) String doel,
            @RequestParam(required = false) String opdracht) {
        return impactService.impact(leeg(doel) ? null : doel.strip(), leeg(opdracht) ? null : opdracht.strip(),
                Klok.vandaag());
    }

    private static boolean leeg(String s) {
        return s == null || s.isBlank();
    }
}
