package nl.stuurwiel.importeren;

import java.io.IOException;
import java.util.Comparator;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import nl.stuurwiel.importeren.ImportService.Standaard;
import nl.stuurwiel.system.Pagina;
import nl.stuurwiel.system.ApiFoutafhandeling;
import nl.stuurwiel.system.OngeldigeInvoerException;
import nl.stuurwiel.team.Team;
import nl.stuurwiel.domein.DomeinService;
import nl.stuurwiel.team.TeamRepository;
import nl.stuurwiel.system.Opmaak;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.WebUtils;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import in the browser: choose a file, read the dry run, confirm. Between dry run and
 * confirmation the file waits in the session, so what is imported is what was checked (and
 * checked once more).
 */
@Controller
@Pagina
public class ImportPagina {

    static final String SESSIE = "stuurwiel.import";

    /** The file of the last dry run in this session. */
    record Upload(String token, String naam, byte[] inhoud, Standaard standaard) implements java.io.Serializable {
    }

    private final ImportService importService;
    private final TeamRepository teams;
    private final DomeinService domeinService;

    public ImportPagina(ImportService importService, TeamRepository teams, DomeinService domeinService) {
        this.importService = importService;
        this.teams = teams;
        this.domeinService = domeinService;
    }

    @GetMapping("/dashboard/import")
    public String formulier(@RequestParam(required = false) String teGroot, Model model) {
        importService.controleerRecht();
        keuzes(model, Standaard.GEEN);
        if (teGroot != null) {
            model.addAttribute("fout", "Bestand: is groter dan " + ApiFoutafhandeling.MAXIMALE_UPLOAD
                    + "; splits het in delen of laat kolommen weg die de import niet leest.");
        }
        return "import";
    }

    @PostMapping("/dashboard/import")
    public String proefrun(@RequestParam(name = "bestand", required = false) MultipartFile bestand,
            @RequestParam(required = false) String team, @RequestParam(required = false) String domein,
            HttpSession sessie, Model model) throws IOException {
        importService.controleerRecht();
        Standaard standaard = new Standaard(team, domein);
        keuzes(model, standaard);
        try {
            byte[] inhoud = ImportController.inhoud(bestand);
            ImportVerslag verslag = importService.proefrun(ImportController.naam(bestand), inhoud, standaard);
            model.addAttribute("verslag", verslag);
            if (verslag.geldig()) {
                Upload upload = new Upload(UUID.randomUUID().toString(), ImportController.naam(bestand), inhoud,
                        standaard);
                sessie.setAttribute(SESSIE, upload);
                model.addAttribute("token", upload.token());
            } else {
                sessie.removeAttribute(SESSIE);
            }
        } catch (OngeldigeInvoerException e) {
            model.addAttribute("fout", e.getVelden().values().stream().findFirst().map(m -> "Bestand: " + m)
                    .orElse(e.getMessage()));
        }
        return "import";
    }

    @PostMapping("/dashboard/import/bevestigen")
    public String importeer(@RequestParam String token, HttpSession sessie, Model model) {
        importService.controleerRecht();
        Upload upload = neem(sessie, token);
        if (upload == null) {
            keuzes(model, Standaard.GEEN);
            model.addAttribute("fout",
                    "Deze proefrun is verlopen, vervangen of al geïmporteerd; kies het bestand opnieuw.");
            return "import";
        }
        keuzes(model, upload.standaard());
        try {
            model.addAttribute("verslag", importService.importeer(upload.naam(), upload.inhoud(), upload.standaard()));
        } catch (ImportGeweigerdException e) {
            model.addAttribute("verslag", e.getVerslag());
            model.addAttribute("fout", "Er is niets geïmporteerd; herstel de fouten en probeer het opnieuw.");
        }
        return "import";
    }

    /**
     * The dry run's upload, taken from the session before it is imported: a second click, or the form
     * sent again while the first import runs, finds nothing and imports nothing twice.
     */
    private static Upload neem(HttpSession sessie, String token) {
        synchronized (WebUtils.getSessionMutex(sessie)) {
            if (sessie.getAttribute(SESSIE) instanceof Upload upload && upload.token().equals(token)) {
                sessie.removeAttribute(SESSIE);
                return upload;
            }
            return null;
        }
    }

    private void keuzes(Model model, Standaard standaard) {
        // A dissolved team takes no new opdrachten; the dry run would refuse it.
        model.addAttribute("teams", teams.findAll().stream().filter(t -> !t.isOpgeheven())
                .sorted(Comparator.comparing(Team::getNaam)).toList());
        model.addAttribute("opmaak", new Opmaak());
        model.addAttribute("domeinen", domeinService.gangbaar());
        model.addAttribute("standaard", standaard);
    }
}
