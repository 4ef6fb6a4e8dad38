package nl.stuurwiel.rapportage;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Half-year reports: the list, one report with its snapshot, its downloads, and a start by hand. */
@RestController
@RequestMapping(path = "/api/rapportages")
public class RapportageController {

    static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final RapportageService rapportageService;
    private final RapportagePdf pdf;
    private final RapportageSpreadsheet spreadsheet;

    public RapportageController(RapportageService rapportageService, RapportagePdf pdf,
            RapportageSpreadsheet spreadsheet) {
        this.rapportageService = rapportageService;
        this.pdf = pdf;
        this.spreadsheet = spreadsheet;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public List<RapportageService.Samenvatting> lijst() {
        return rapportageService.lijst();
    }

    /** Starts the report process for a period (portfolio office, MT, administrators): 201 with the draft. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<RapportageService.Inhoud> start(@RequestBody PeriodeInvoer periode) {
        Halfjaarrapportage rapportage = rapportageService.start(periode);
        return ResponseEntity.created(URI.create("/api/rapportages/" + rapportage.getId()))
                .body(rapportageService.inhoud(rapportage.getId()));
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public RapportageService.Inhoud rapportage(@PathVariable Long id) {
        return rapportageService.inhoud(id);
    }

    @GetMapping("/{id}/pdf")
    public ResponseEntity<byte[]> pdf(@PathVariable Long id) {
        RapportageService.Inhoud inhoud = rapportageService.inhoud(id);
        return bestand(pdf.maak(inhoud), MediaType.APPLICATION_PDF, inhoud.bestandsnaam("pdf"));
    }

    @GetMapping("/{id}/xlsx")
    public ResponseEntity<byte[]> xlsx(@PathVariable Long id) {
        RapportageService.Inhoud inhoud = rapportageService.inhoud(id);
        return bestand(spreadsheet.xlsx(inhoud), XLSX, inhoud.bestandsnaam("xlsx"));
    }

    @GetMapping("/{id}/csv")
    public ResponseEntity<byte[]> csv(@PathVariable Long id) {
        RapportageService.Inhoud inhoud = rapportageService.inhoud(id);
        return bestand(spreadsheet.csv(inhoud), CSV, inhoud.bestandsnaam("csv"));
    }

    private static ResponseEntity<byte[]> bestand(byte[] inhoud, MediaType soort, String naam) {
        return ResponseEntity.ok().contentType(soort)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + naam + "\"").body(inhoud);
    }
}
