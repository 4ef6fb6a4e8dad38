package nl.stuurwiel.rapportage;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.camunda.bpm.engine.AuthorizationException;

import nl.stuurwiel.security.Toegang;
import nl.stuurwiel.system.Opmaak;
import nl.stuurwiel.system.Pagina;
import nl.stuurwiel.system.ConflictException;
import nl.stuurwiel.system.Klok;
import nl.stuurwiel.system.OngeldigeInvoerException;

/** The dashboard's "Rapportages" page: the reports this reader may see, with their downloads. */
@Controller
@Pagina
public class RapportagePaginas {

    private final RapportageService rapportageService;
    private final Toegang toegang;

    public RapportagePaginas(RapportageService rapportageService, Toegang toegang) {
        this.rapportageService = rapportageService;
        this.toegang = toegang;
    }

    @GetMapping("/dashboard/rapportages")
    public String rapportages(Model model) {
        model.addAttribute("rapportages", rapportageService.lijst());
        model.addAttribute("conceptenZichtbaar", toegang.zietAlles());
        model.addAttribute("opmaak", new Opmaak());
        model.addAttribute("jaar", Klok.vandaag().getYear());
        return "rapportages";
    }

    /** The page asks for a year and a half; the rules speak of the period's begin and end. */
    private static final Map<String, String> VELDEN = Map.of("jaar", "Jaar", "half", "Halfjaar", "van", "Het halfjaar",
            "tot", "Het halfjaar");

    /** Start by hand from the page (portfolio office, MT, administrators); errors come back on the page. */
    @PostMapping("/dashboard/rapportages")
    public String start(@RequestParam(required = false) String jaar, @RequestParam(required = false) Integer half,
            Model model, RedirectAttributes doorsturen) {
        try {
            Halfjaarrapportage rapportage = rapportageService.start(new PeriodeInvoer(null, null, jaartal(jaar), half));
            doorsturen.addFlashAttribute("melding", "'" + rapportage.getTitel()
                    + "' is samengesteld; het portfoliobureau schrijft nu de toelichting in Tasklist.");
            return "redirect:/dashboard/rapportages";
        } catch (OngeldigeInvoerException e) {
            model.addAttribute("fout", String.join("; ", e.getVelden().entrySet().stream()
                    .map(v -> VELDEN.getOrDefault(v.getKey(), v.getKey()) + " " + v.getValue()).toList()));
        } catch (ConflictException | AuthorizationException e) {
            model.addAttribute("fout", e.getMessage());
        }
        return rapportages(model);
    }

    /** Read here, so that a year the browser let through ("abc") is answered on the page, not as JSON. */
    private static Integer jaartal(String jaar) {
        if (jaar == null || jaar.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(jaar.strip());
        } catch (NumberFormatException e) {
            throw new OngeldigeInvoerException("jaar", "is geen jaartal: '" + jaar.strip() + "'");
        }
    }
}
