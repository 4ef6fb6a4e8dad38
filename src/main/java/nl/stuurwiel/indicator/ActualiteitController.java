package nl.stuurwiel.indicator;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.stuurwiel.indicator.ActualiteitService.Actualiteit;

@RestController
@RequestMapping(path = "/api/actualiteit", produces = MediaType.APPLICATION_JSON_VALUE)
public class ActualiteitController {

    private final ActualiteitService actualiteitService;

    public ActualiteitController(ActualiteitService actualiteitService) {
        this.actualiteitService = actualiteitService;
    }

    /** Overdue metingen and progress reports, per team; {@code team} limits it to one team. */
    @GetMapping
    public Actualiteit actualiteit(@RequestParam(required = false) String team) {
        return actualiteitService.actualiteit(team == null || team.isBlank() ? null : team.strip(),
                ClockUtil.getCurrentTime());
    }
}
