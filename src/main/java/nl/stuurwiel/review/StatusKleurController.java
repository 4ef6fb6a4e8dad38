package nl.stuurwiel.review;

import java.math.BigDecimal;
import java.util.Locale;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.opdracht.OpdrachtService;
import nl.stuurwiel.review.StatusKleurService.KleurInvoer;
import nl.stuurwiel.security.Toegang;
import nl.stuurwiel.system.Klok;
import nl.stuurwiel.system.NietGevondenException;

@RestController
public class StatusKleurController {

    /** The colour the decision gives today, with its inputs, next to what was recorded at the last report. */
    public record StatusKleurRegel(String kleur, String slechtsteIndicatorStatus, BigDecimal budgetRatio,
            BigDecimal fteRatio, long dagenNaEinddatum, String teamKleur, String berekendBijRapportage,
            String kleurToelichting) {
    }

    private final StatusKleurService statusKleurService;
    private final OpdrachtService opdrachtService;

    private final Toegang toegang;

    public StatusKleurController(StatusKleurService statusKleurService, OpdrachtService opdrachtService,
            Toegang toegang) {
        this.statusKleurService = statusKleurService;
        this.opdrachtService = opdrachtService;
        this.toegang = toegang;
    }

    @GetMapping(path = "/api/opdrachten/{sleutel}/statuskleur", produces = MediaType.APPLICATION_JSON_VALUE)
    public StatusKleurRegel statusKleur(@PathVariable String sleutel) {
        Opdracht opdracht = opdrachtService.opdracht(sleutel);
        if (!toegang.magZien(opdracht.isVertrouwelijk(), opdracht.getTeam().getGroepId(), opdracht.getAanvrager())) {
            throw new NietGevondenException("Opdracht " + sleutel + " bestaat niet");
        }
        KleurInvoer invoer = statusKleurService.invoer(sleutel, Klok.vandaag());
        return new StatusKleurRegel(woord(statusKleurService.bepaal(invoer)), woord(invoer.slechtsteIndicatorStatus()),
                invoer.budgetRatio(), invoer.fteRatio(), invoer.dagenNaEinddatum(), woord(opdracht.getStatusKleur()),
                woord(opdracht.getBerekendeStatusKleur()), opdracht.getKleurToelichting());
    }

    private static String woord(Enum<?> waarde) {
        return waarde == null ? null : waarde.name().toLowerCase(Locale.ROOT);
    }
}
