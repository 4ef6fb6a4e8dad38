package nl.stuurwiel.importeren;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import nl.stuurwiel.importeren.ImportService.Standaard;
import nl.stuurwiel.system.OngeldigeInvoerException;

/**
 * Import of an existing portfolio from CSV or XLSX, as a multipart upload (part {@code bestand}).
 * {@code team} and {@code domein} are optional defaults for rows that leave them empty.
 */
@RestController
@RequestMapping(path = "/api/import", produces = MediaType.APPLICATION_JSON_VALUE)
public class ImportController {

    private final ImportService importService;

    public ImportController(ImportService importService) {
        this.importService = importService;
    }

    /** Dry run: what the import would create and every error; imports nothing. */
    @PostMapping(path = "/proefrun", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ImportVerslag proefrun(@RequestParam(name = "bestand", required = false) MultipartFile bestand,
            @RequestParam(required = false) String team, @RequestParam(required = false) String domein)
            throws IOException {
        return importService.proefrun(naam(bestand), inhoud(bestand), new Standaard(team, domein));
    }

    /** Imports every row or, with any error, nothing (400 with the same report as the dry run). */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ImportVerslag importeer(@RequestParam(name = "bestand", required = false) MultipartFile bestand,
            @RequestParam(required = false) String team, @RequestParam(required = false) String domein)
            throws IOException {
        return importService.importeer(naam(bestand), inhoud(bestand), new Standaard(team, domein));
    }

    @ExceptionHandler(ImportGeweigerdException.class)
    ResponseEntity<ImportVerslag> geweigerd(ImportGeweigerdException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
                .body(e.getVerslag());
    }

    static String naam(MultipartFile bestand) {
        return bestand == null ? null : bestand.getOriginalFilename();
    }

    static byte[] inhoud(MultipartFile bestand) throws IOException {
        if (bestand == null || bestand.isEmpty()) {
            throw new OngeldigeInvoerException("bestand", "is verplicht: kies een CSV- of Excel-bestand (.xlsx)");
        }
        return bestand.getBytes();
    }
}
