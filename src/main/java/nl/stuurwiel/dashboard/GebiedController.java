package nl.stuurwiel.dashboard;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.stuurwiel.system.Klok;

/** Area plans: the overall plan of every gebied, and one gebied's plan. */
@RestController
@RequestMapping(path = "/api/gebieden", produces = MediaType.APPLICATION_JSON_VALUE)
public class GebiedController {

    private final GebiedService gebiedService;

    public GebiedController(GebiedService gebiedService) {
        this.gebiedService = gebiedService;
    }

    @GetMapping
    public GebiedService.Gebieden gebieden() {
        return gebiedService.gebieden();
    }

    @GetMapping("/{gebied}")
    public GebiedService.Gebiedsplan plan(@PathVariable String gebied) {
        return gebiedService.plan(gebied, Klok.vandaag());
    }

    /** The same, for any name: a slash, a percent sign or a semicolon cannot travel in the path. */
    @GetMapping(params = "naam")
    public GebiedService.Gebiedsplan planVan(@RequestParam String naam) {
        return plan(naam);
    }
}
