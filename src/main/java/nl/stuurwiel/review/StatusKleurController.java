package nl.stuurwiel.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.OpdrachtService;
import nl.stuurwiel.review.StatusKleurService.KleurInvoer;

@RestController
public class StatusKleurController {

    /** The colour the decision gives today, with its inputs, next to what was recorded at the last report. */
    public record StatusKleurRegel(String kleur, String slechtsteIndicatorStatus, BigDecimal budgetRatio,
            BigDecimal fteRatio, long dagenNaEinddatum, String teamKleur, String berekendBijRapportage,
            String kleurToelichting) {
    }

    private final StatusKleurService statusKleurService;
    private final OpdrachtService opdrachtService;

    public StatusKleurController(StatusKleurService statusKleurService, OpdrachtService opdrachtService) {
        this.statusKleurService = statusKleurService;
        this.opdrachtService = opdrachtService;
    }

    @GetMapping(path = "/api/opdrachten/{sleutel}/statuskleur", produces = MediaType.APPLICATION_JSON_VALUE)
    public StatusKleurRegel statusKleur(@PathVariable String sleutel) {
        KleurInvoer invoer = statusKleurService.invoer(sleutel, LocalDate.now());
        Opdracht opdracht = opdrachtService.opdracht(sleutel);
        return new StatusKleurRegel(woord(statusKleurService.bepaal(invoer)), woord(invoer.slechtsteIndicatorStatus()),
                invoer.budgetRatio(), invoer.fteRatio(), invoer.dagenNaEinddatum(), woord(opdracht.getStatusKleur()),
                woord(opdracht.getBerekendeStatusKleur()), opdracht.getKleurToelichting());
    }

    private static String woord(Enum<?> waarde) {
        return waarde == null ? null : waarde.name().toLowerCase(Locale.ROOT);
    }
}
