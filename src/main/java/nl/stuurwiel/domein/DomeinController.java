package nl.stuurwiel.domein;

import java.net.URI;
import java.time.LocalDate;
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
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/domeinen", produces = MediaType.APPLICATION_JSON_VALUE)
public class DomeinController {

    /** {@code opgehevenOp} is the day the domain was dissolved; absent while it is offered. */
    public record DomeinWeergave(String code, String naam, LocalDate opgehevenOp, long opdrachten) {
    }

    private final DomeinService domeinService;
    private final StartformulierDomeinen startformulier;

    public DomeinController(DomeinService domeinService, StartformulierDomeinen startformulier) {
        this.domeinService = domeinService;
        this.startformulier = startformulier;
    }

    /** Every domain by name, dissolved ones too, with the number of opdrachten filed under it. */
    @GetMapping
    @Transactional(readOnly = true)
    public List<DomeinWeergave> domeinen() {
        return domeinService.alle().stream().map(this::weergave).toList();
    }

    /**
     * Where the Tasklist start form's fixed list and the domain list differ; {@code 204} when the
     * form has no domain list to compare.
     */
    @GetMapping("/startformulier")
    @Transactional(readOnly = true)
    public ResponseEntity<StartformulierDomeinen.Verschil> startformulier() {
        return startformulier.verschil().map(ResponseEntity::ok).orElse(ResponseEntity.noContent().build());
    }

    @GetMapping("/{code}")
    @Transactional(readOnly = true)
    public DomeinWeergave domein(@PathVariable String code) {
        return weergave(domeinService.domein(code));
    }

    /** A new domain (portfolio office, MT, administrators). */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    public ResponseEntity<DomeinWeergave> maak(@RequestBody DomeinInvoer invoer) {
        Domein domein = domeinService.maak(invoer);
        return ResponseEntity.created(URI.create("/api/domeinen/" + domein.getCode())).body(weergave(domein));
    }

    /** Its name; the code stays. */
    @PutMapping(path = "/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    public DomeinWeergave wijzig(@PathVariable String code, @RequestBody DomeinInvoer invoer) {
        return weergave(domeinService.wijzig(code, invoer));
    }

    /** No longer offered for new opdrachten; those filed under it keep it. */
    @PostMapping("/{code}/opheffen")
    @Transactional
    public DomeinWeergave hefOp(@PathVariable String code) {
        return weergave(domeinService.hefOp(code));
    }

    @PostMapping("/{code}/herstellen")
    @Transactional
    public DomeinWeergave herstel(@PathVariable String code) {
        return weergave(domeinService.herstel(code));
    }

    private DomeinWeergave weergave(Domein d) {
        return new DomeinWeergave(d.getCode(), d.getNaam(), d.getOpgehevenOp(), domeinService.opdrachten(d.getCode()));
    }
}
