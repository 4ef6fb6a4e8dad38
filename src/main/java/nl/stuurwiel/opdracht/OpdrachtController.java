package nl.stuurwiel.opdracht;

import java.net.URI;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.stuurwiel.opdracht.OpdrachtWeergave.Detail;
import nl.stuurwiel.opdracht.OpdrachtWeergave.DoelVerwijzing;
import nl.stuurwiel.opdracht.OpdrachtWeergave.Pagina;
import nl.stuurwiel.opdracht.OpdrachtWeergave.Samenvatting;
import nl.stuurwiel.system.HuidigeGebruiker;
import nl.stuurwiel.system.OngeldigeInvoerException;

@RestController
@RequestMapping(path = "/api/opdrachten", produces = MediaType.APPLICATION_JSON_VALUE)
public class OpdrachtController {

    private final OpdrachtService opdrachtService;
    private final OpdrachtInzage inzage;
    private final HuidigeGebruiker gebruiker;
    private final OverdrachtService overdrachtService;
    private final OpdrachtGegevensService gegevensService;

    public OpdrachtController(OpdrachtService opdrachtService, OpdrachtInzage inzage, HuidigeGebruiker gebruiker,
            OverdrachtService overdrachtService, OpdrachtGegevensService gegevensService) {
        this.opdrachtService = opdrachtService;
        this.gegevensService = gegevensService;
        this.overdrachtService = overdrachtService;
        this.inzage = inzage;
        this.gebruiker = gebruiker;
    }

    /** Registers the request and starts its lifecycle; it lands in the intake queue. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Detail> aanvragen(@RequestBody OpdrachtAanvraag aanvraag) {
        if (aanvraag == null) {
            throw new OngeldigeInvoerException("aanvraag", "is leeg");
        }
        Opdracht opdracht = opdrachtService.aanvragen(aanvraag, gebruiker.id());
        return ResponseEntity.created(URI.create("/api/opdrachten/" + opdracht.getSleutel()))
                .body(inzage.detail(opdracht.getSleutel()));
    }

    @GetMapping
    public Pagina<Samenvatting> zoek(OpdrachtSelectie selectie, @RequestParam(required = false) String sorteer,
            @RequestParam(defaultValue = "0") int pagina, @RequestParam(defaultValue = "50") int grootte) {
        return inzage.zoek(selectie, sorteer, pagina, grootte);
    }

    /** Sets the doelen the opdracht contributes to, each with its expected contribution and weight. */
    @PutMapping(path = "/{sleutel}/doelen", consumes = MediaType.APPLICATION_JSON_VALUE)
    public List<DoelVerwijzing> koppelDoelen(@PathVariable String sleutel,
            @RequestBody List<OpdrachtService.DoelBijdrage> doelen) {
        inzage.zichtbareOpdracht(sleutel);
        return opdrachtService.koppelDoelen(sleutel, doelen).getDoelKoppelingen().stream()
                .map(DoelVerwijzing::van).toList();
    }

    /**
     * Corrects the opdracht's description (portfolio office, MT, administrators); money, people and
     * dates change through an adjustment. Answers the opdracht as it is now.
     */
    @PutMapping(path = "/{sleutel}/gegevens", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Detail wijzigGegevens(@PathVariable String sleutel, @RequestBody OpdrachtGegevens gegevens) {
        inzage.zichtbareOpdracht(sleutel);
        gegevensService.wijzig(sleutel, gegevens);
        return inzage.detail(sleutel);
    }

    /**
     * Hands the opdracht to another team (MT and administrators): its open team tasks and later ones
     * go to that team. Answers the opdracht as it is now.
     */
    @PostMapping(path = "/{sleutel}/overdracht", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Detail draagOver(@PathVariable String sleutel, @RequestBody OverdrachtInvoer invoer) {
        inzage.zichtbareOpdracht(sleutel);
        overdrachtService.draagOver(sleutel, invoer);
        return inzage.detail(sleutel);
    }

    @GetMapping("/{sleutel}")
    public Detail opdracht(@PathVariable String sleutel) {
        return inzage.detail(sleutel);
    }
}
