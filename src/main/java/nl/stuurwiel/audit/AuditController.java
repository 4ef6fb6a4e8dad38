package nl.stuurwiel.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.stuurwiel.audit.AuditService.AuditRegel;
import nl.stuurwiel.audit.AuditService.Wijziging;
import nl.stuurwiel.security.Toegang;
import nl.stuurwiel.system.OngeldigeInvoerException;
import nl.stuurwiel.system.Opmaak;
import nl.stuurwiel.system.ProcesVariabelen;
import nl.stuurwiel.system.Spreadsheetcel;

/**
 * The audit trail of the portfolio records, for administrators (Camunda group camunda-admin)
 * only: who changed which record when, field by field from → to. Process actions (tasks,
 * decisions) are in Camunda's own history and user operation log.
 */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final AuditService auditService;
    private final Toegang toegang;

    public AuditController(AuditService auditService, Toegang toegang) {
        this.auditService = auditService;
        this.toegang = toegang;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<AuditRegel> zoek(@RequestParam(required = false) String soort,
            @RequestParam(required = false) String sleutel,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate van,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate tot,
            @RequestParam(required = false) Long naRevisie,
            @RequestParam(defaultValue = "1000") int max) {
        alleenBeheerders();
        if (naRevisie != null && naRevisie < 0) {
            throw new OngeldigeInvoerException("naRevisie", "moet 0 of groter zijn");
        }
        if (max < 1 || max > AuditService.MAXIMUM) {
            throw new OngeldigeInvoerException("max", "moet tussen 1 en " + AuditService.MAXIMUM + " liggen");
        }
        AuditSoort gekozen = soort == null || soort.isBlank() ? null
                : ProcesVariabelen.keuze("soort", soort, AuditSoort.class);
        String gezocht = sleutel == null || sleutel.isBlank() ? null : sleutel.strip();
        if (gezocht != null && gekozen == null) {
            throw new OngeldigeInvoerException("soort", "is verplicht bij een sleutel");
        }
        if (van != null && tot != null && tot.isBefore(van)) {
            throw new OngeldigeInvoerException("tot", "ligt voor de begindatum " + new Opmaak().datum(van));
        }
        return auditService.zoek(gekozen, gezocht, begin(van), tot == null ? null : begin(tot.plusDays(1)), naRevisie,
                max);
    }

    /** The same selection as CSV (semicolon-separated, UTF-8), one line per changed field. */
    @GetMapping("/export")
    public ResponseEntity<byte[]> export(@RequestParam(required = false) String soort,
            @RequestParam(required = false) String sleutel,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate van,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate tot,
            @RequestParam(required = false) Long naRevisie,
            @RequestParam(defaultValue = "5000") int max) {
        List<AuditRegel> regels = zoek(soort, sleutel, van, tot, naRevisie, max);
        // The name comes last: scripts that read the columns by position keep working.
        StringBuilder csv = new StringBuilder(
                "revisie;tijdstip;gebruiker;soort;sleutel;actie;veld;van;naar;naam gebruiker\r\n");
        for (AuditRegel regel : regels) {
            List<Wijziging> wijzigingen = regel.wijzigingen().isEmpty() ? List.of(new Wijziging(null, null, null))
                    : regel.wijzigingen();
            for (Wijziging w : wijzigingen) {
                csv.append(String.join(";", List.of(String.valueOf(regel.revisie()), regel.tijdstip().toString(),
                        cel(regel.gebruiker()), cel(regel.soort()), cel(regel.sleutel()), cel(regel.actie()),
                        cel(w.veld()), cel(w.van()), cel(w.naar()), cel(regel.gebruikerNaam())))).append("\r\n");
            }
        }
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"stuurwiel-audit.csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void alleenBeheerders() {
        if (!toegang.isBeheerder()) {
            throw new AuthorizationException("alleen beheerders (camunda-admin) zien de audittrail");
        }
    }

    private static Instant begin(LocalDate dag) {
        return dag == null ? null : dag.atStartOfDay(ZoneId.systemDefault()).toInstant();
    }

    /** Quoted when needed; a leading =, +, - or @ is defused so spreadsheets show text, not a formula. */
    static String cel(String waarde) {
        return Spreadsheetcel.csv(waarde);
    }
}
