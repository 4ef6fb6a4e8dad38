package nl.stuurwiel.indicator;

import java.net.URI;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.stuurwiel.indicator.IndicatorWeergave.IndicatorRegel;
import nl.stuurwiel.indicator.IndicatorWeergave.MetingRegel;
import nl.stuurwiel.indicator.IndicatorWeergave.RealisatieRegel;
import nl.stuurwiel.opdracht.Opdracht;
import nl.stuurwiel.security.Toegang;
import nl.stuurwiel.system.Gebruikersnamen;
import nl.stuurwiel.system.Gebruikersnamen.Namen;
import nl.stuurwiel.system.Klok;
import nl.stuurwiel.system.NietGevondenException;

@RestController
@RequestMapping(path = "/api/indicatoren", produces = MediaType.APPLICATION_JSON_VALUE)
public class IndicatorController {

    private final IndicatorService indicatorService;
    private final IndicatorRepository indicatoren;
    private final Toegang toegang;
    private final Gebruikersnamen gebruikersnamen;

    public IndicatorController(IndicatorService indicatorService, IndicatorRepository indicatoren, Toegang toegang,
            Gebruikersnamen gebruikersnamen) {
        this.gebruikersnamen = gebruikersnamen;
        this.indicatorService = indicatorService;
        this.indicatoren = indicatoren;
        this.toegang = toegang;
    }

    /** The indicator of a confidential opdracht does not exist for whoever may not see the opdracht. */
    private void zichtbaar(Long id) {
        for (Object[] o : indicatoren.opdrachtToegang(id)) {
            if (!toegang.magZien(Boolean.TRUE.equals(o[0]), (String) o[1], (String) o[2])) {
                throw new NietGevondenException("Indicator " + id + " bestaat niet");
            }
        }
    }

    private boolean zichtbaar(Indicator indicator) {
        Opdracht o = indicator.getOpdracht();
        return o == null || toegang.magZien(o.isVertrouwelijk(), o.getTeam().getGroepId(), o.getAanvrager());
    }

    @GetMapping
    @Transactional(readOnly = true)
    public List<IndicatorRegel> zoek(@RequestParam(required = false) String doel,
            @RequestParam(required = false) String opdracht) {
        return regels(indicatorService.zoek(doel, opdracht).stream().filter(this::zichtbaar).toList());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    public ResponseEntity<IndicatorRegel> maak(@RequestBody IndicatorInvoer invoer) {
        Indicator indicator = indicatorService.maak(invoer);
        return ResponseEntity.created(URI.create("/api/indicatoren/" + indicator.getId()))
                .body(regel(indicator));
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    public IndicatorRegel indicator(@PathVariable Long id) {
        zichtbaar(id);
        return regel(indicatorService.indicator(id));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    public IndicatorRegel wijzig(@PathVariable Long id, @RequestBody IndicatorInvoer invoer) {
        zichtbaar(id);
        return regel(indicatorService.wijzig(id, invoer));
    }

    @PostMapping("/{id}/vervallen")
    @Transactional
    public IndicatorRegel laatVervallen(@PathVariable Long id) {
        zichtbaar(id);
        return regel(indicatorService.laatVervallen(id));
    }

    /** The current value per period (newest version), periods in order. */
    @GetMapping("/{id}/metingen")
    public List<MetingRegel> metingen(@PathVariable Long id) {
        zichtbaar(id);
        return metingen(indicatorService.actueleMetingen(id));
    }

    /** Records a value; a period that has one gets a new version and keeps the old. */
    @PostMapping(path = "/{id}/metingen", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<MetingRegel> meet(@PathVariable Long id, @RequestBody MetingInvoer invoer) {
        zichtbaar(id);
        Meting meting = indicatorService.meet(id, invoer);
        return ResponseEntity.created(URI.create("/api/indicatoren/" + id + "/metingen/" + meting.getPeriode()
                + "/historie")).body(metingen(List.of(meting)).get(0));
    }

    /** Every version of the period's value, oldest first. */
    @GetMapping("/{id}/metingen/{periode}/historie")
    public List<MetingRegel> historie(@PathVariable Long id, @PathVariable String periode) {
        zichtbaar(id);
        return metingen(indicatorService.historie(id, periode));
    }

    @GetMapping("/{id}/realisatie")
    @Transactional(readOnly = true)
    public RealisatieRegel realisatie(@PathVariable Long id) {
        zichtbaar(id);
        return RealisatieRegel.van(indicatorService.indicator(id), indicatorService.realisatie(id, Klok.vandaag()));
    }

    private IndicatorRegel regel(Indicator indicator) {
        return regels(List.of(indicator)).get(0);
    }

    private List<IndicatorRegel> regels(List<Indicator> lijst) {
        Namen namen = gebruikersnamen.van(lijst.stream().map(Indicator::getEigenaar).toList());
        return lijst.stream().map(i -> IndicatorRegel.van(i, namen)).toList();
    }

    private List<MetingRegel> metingen(List<Meting> lijst) {
        Namen namen = gebruikersnamen.van(lijst.stream().map(Meting::getIngevoerdDoor).toList());
        return lijst.stream().map(m -> MetingRegel.van(m, namen)).toList();
    }
}
